// The archive walk: follows rel="prev-archive" links (RFC 5005) from a feed's current Atom document to the oldest
// archive page, and counts items and duplicates, as a client catching up on a feed's whole history would.
import { SaxesParser } from "saxes";

export interface ArchiveWalk {
	/** The feed the walk started from. */
	path: string;
	/** Documents read, the current one included. */
	documents: number;
	/** Entries seen across all documents, and how many of them had an id already seen. */
	items: number;
	duplicates: number;
	/** False when the current document has no prev-archive link: the feed offers no archive to walk. */
	linked: boolean;
	/** Why the walk stopped early (a loop, a failed page, the page limit), if it did. */
	problem?: string;
}

/** A walk longer than this is a loop the visited set did not catch, or a page size far below any sensible one. */
const MAX_DOCUMENTS = 100_000;

interface AtomPage {
	ids: string[];
	prevArchive?: string;
}

function readAtom(xml: string): AtomPage {
	const page: AtomPage = { ids: [] };
	const parser = new SaxesParser();
	const open: string[] = [];
	let text = "";
	parser.on("opentag", (tag) => {
		open.push(tag.name);
		text = "";
		const rel = tag.attributes.rel;
		if (tag.name === "link" && rel === "prev-archive" && open.length === 2)
			page.prevArchive = String(tag.attributes.href);
	});
	parser.on("text", (chunk) => {
		text += chunk;
	});
	parser.on("closetag", (tag) => {
		if (tag.name === "id" && open.length === 3 && open[1] === "entry") page.ids.push(text.trim());
		open.pop();
	});
	parser.write(xml).close();
	return page;
}

/** Walks from `origin` + `path`; links are followed on the same origin whatever host the documents name. */
export async function walkArchive(origin: string, path: string): Promise<ArchiveWalk> {
	const walk: ArchiveWalk = { path, documents: 0, items: 0, duplicates: 0, linked: false };
	const seen = new Set<string>();
	const visited = new Set<string>();
	let next: string | undefined = path;
	while (next !== undefined) {
		if (visited.has(next)) {
			walk.problem = `the prev-archive links loop back to ${next}`;
			break;
		}
		if (walk.documents >= MAX_DOCUMENTS) {
			walk.problem = `stopped after ${MAX_DOCUMENTS} documents`;
			break;
		}
		visited.add(next);
		const response: Response = await fetch(`${origin}${next}`);
		const body = await response.text();
		if (response.status !== 200) {
			walk.problem = `${next} answered ${response.status}`;
			break;
		}
		const page = readAtom(body);
		walk.documents++;
		for (const id of page.ids) {
			walk.items++;
			if (seen.has(id)) walk.duplicates++;
			else seen.add(id);
		}
		if (page.prevArchive === undefined) break;
		walk.linked = true;
		const link = new URL(page.prevArchive, `${origin}${next}`);
		next = `${link.pathname}${link.search}`;
	}
	return walk;
}
