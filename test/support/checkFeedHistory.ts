// RFC 5005 archived-feed checks the Atom and RSS checkers share: the history links (rel="current",
// "prev-archive", "next-archive"; Atom <link>, RSS <atom:link>) and the fh:archive / fh:complete markers.
import type { XmlElement } from "./xmlTree.ts";

export const FEED_HISTORY = "http://purl.org/syndication/history/1.0";

const HISTORY_RELS = ["current", "prev-archive", "next-archive"] as const;
const FH_ELEMENTS = new Set(["archive", "complete"]);

type Report = (message: string) => void;

/** Checks the history markup of a feed (`container`: Atom <feed> or RSS <channel>, whose `links` are its Atom
 * links) and that none of it sits in an entry or item. */
export function checkFeedHistory(
	container: XmlElement,
	links: XmlElement[],
	entries: XmlElement[],
	where: string,
	report: Report,
) {
	const markers = container.children.filter((child) => child.uri === FEED_HISTORY);
	for (const marker of markers) {
		if (!FH_ELEMENTS.has(marker.local)) report(`${where}: <${marker.name}> is not an RFC 5005 element`);
		// §2 and §4 define both as empty elements.
		else if (marker.children.length > 0 || marker.text.trim() !== "")
			report(`${where} <${marker.name}>: must be empty`);
	}
	const archive = markers.filter((marker) => marker.local === "archive");
	const complete = markers.filter((marker) => marker.local === "complete");
	if (archive.length > 1) report(`${where}: more than one <fh:archive>`);
	if (archive.length > 0 && complete.length > 0)
		report(`${where}: <fh:archive> and <fh:complete> together (an archive is not a complete feed)`);
	const self = links.find((link) => link.attributes.rel === "self")?.attributes.href;
	for (const rel of HISTORY_RELS) {
		const found = links.filter((link) => link.attributes.rel === rel);
		if (found.length > 1) report(`${where}: more than one link rel="${rel}"`);
		for (const link of found)
			if (self !== undefined && link.attributes.href === self)
				report(`${where}: link rel="${rel}" points to the document itself`);
	}
	// §4: an archive document SHOULD link its current feed; our archive documents always do.
	if (archive.length > 0 && !links.some((link) => link.attributes.rel === "current"))
		report(`${where}: an archive document (<fh:archive>) without a link rel="current"`);
	if (archive.length === 0 && links.some((link) => link.attributes.rel === "next-archive"))
		report(`${where}: link rel="next-archive" outside an archive document (no <fh:archive>)`);
	entries.forEach((entry, index) => {
		for (const child of entry.children)
			if (child.uri === FEED_HISTORY)
				report(`${where} entry ${index + 1}: <${child.name}> belongs to the feed`);
	});
}
