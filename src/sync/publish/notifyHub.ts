// WebSub publishing: once a production sync has switched head, tells the site's hub which feed URLs changed.
import type { ScopeKey, SiteSettings } from "../../domain/model.ts";
import { feedLinks } from "../../urls/urlScheme.ts";
import type { SyncTarget } from "../validate/siteSettings.ts";

/** Per ping: a hub that has not answered by then is treated as unreachable. */
export const HUB_TIMEOUT_MS = 10_000;
/** Pings in flight at once: a first sync can change thousands of feeds, and a hub is one small server. */
export const HUB_CONCURRENCY = 4;
/**
 * Wait after head moved before pinging. The hub fetches the feed as soon as it is pinged, and KV is eventually
 * consistent: a location may read the old head for up to a minute (the Worker caches it 30 s), and a hub that
 * fetches the old feed sees nothing new and tells no one.
 */
export const HUB_SETTLE_MS = 60_000;
/** Warnings listed one by one before the rest are summed up. */
const WARNINGS_SHOWN = 10;
/** Feed URLs a dry run lists before the rest are summed up. */
const URLS_SHOWN = 12;

export interface HubOptions {
	timeoutMs?: number;
	concurrency?: number;
	settleMs?: number;
	/** Called before the settle wait, so a caller can say why the sync pauses. */
	onSettle?: (settleMs: number, pings: number) => void;
}

/** What a sync did about the hub. */
export interface HubNotice {
	hub: string;
	/** Feed URLs whose scope changed, three per scope (RSS, Atom, JSON Feed), scopes in key order. */
	urls: string[];
	/** "pinged" after a production sync; "dry-run": would be pinged; "local": never pinged (see notifyHub). */
	action: "pinged" | "dry-run" | "local";
	/** Pings the hub did not accept (always empty unless action is "pinged"). */
	failures: HubFailure[];
}

export interface HubFailure {
	url: string;
	/** The hub's HTTP status, or null when no answer came (network error, timeout, or not sent). */
	status: number | null;
	reason: string;
}

export interface PublishedChange {
	target: SyncTarget;
	dryRun: boolean;
	/** Head moved to a new manifest (or, on a dry run, would move). */
	headSwitched: boolean;
	/** The published site settings (hub, base URL). */
	site: SiteSettings;
	/** Scopes whose feeds changed, in key order. */
	changedScopes: ScopeKey[];
}

/**
 * Pings `after.site.hub` (form-encoded `hub.mode=publish&hub.url=<feed>`, once per changed feed URL), or says
 * why not. null when there is no hub, head did not move, or no feed changed. Never throws for the hub's sake:
 * the content is already published, so a failed ping is a warning in the notice.
 */
export async function notifyHub(
	change: PublishedChange,
	options: HubOptions = {},
): Promise<HubNotice | null> {
	const hub = change.site.hub;
	if (hub === undefined || !change.headSwitched) return null;
	const urls = change.changedScopes.flatMap((scope) => {
		const links = feedLinks(change.site.baseUrl, scope);
		return [links.rss, links.atom, links.json];
	});
	if (urls.length === 0) return null;
	// Local KV's feeds live on a localhost base URL: a public hub can neither fetch them nor has subscribers to them.
	if (change.target !== "production") return { hub, urls, action: "local", failures: [] };
	if (change.dryRun) return { hub, urls, action: "dry-run", failures: [] };

	const settleMs = options.settleMs ?? HUB_SETTLE_MS;
	if (settleMs > 0) {
		options.onSettle?.(settleMs, urls.length);
		await new Promise((resolve) => setTimeout(resolve, settleMs));
	}
	const failures = await pingAll(hub, urls, options);
	return { hub, urls, action: "pinged", failures };
}

/** Once one ping gets no answer at all, the rest are not sent: they would each wait out the same timeout. */
async function pingAll(hub: string, urls: string[], options: HubOptions): Promise<HubFailure[]> {
	const timeoutMs = options.timeoutMs ?? HUB_TIMEOUT_MS;
	const byUrl = new Map<string, HubFailure>();
	let next = 0;
	let unreachable = false;
	const worker = async (): Promise<void> => {
		while (!unreachable && next < urls.length) {
			const url = urls[next++] as string;
			const failure = await ping(hub, url, timeoutMs);
			if (failure === null) continue;
			byUrl.set(url, failure);
			if (failure.status === null) unreachable = true;
		}
	};
	const workers = Math.max(1, Math.min(options.concurrency ?? HUB_CONCURRENCY, urls.length));
	await Promise.all(Array.from({ length: workers }, worker));
	for (const url of urls.slice(next)) {
		byUrl.set(url, { url, status: null, reason: "not sent, the hub did not answer an earlier ping" });
	}
	return urls.flatMap((url) => byUrl.get(url) ?? []);
}

async function ping(hub: string, url: string, timeoutMs: number): Promise<HubFailure | null> {
	try {
		const response = await fetch(hub, {
			method: "POST",
			// URLSearchParams sends application/x-www-form-urlencoded, the form hubs take publish pings in.
			body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }),
			signal: AbortSignal.timeout(timeoutMs),
		});
		await response.body?.cancel();
		if (response.ok) return null;
		const text = response.statusText ? ` ${response.statusText}` : "";
		return { url, status: response.status, reason: `HTTP ${response.status}${text}` };
	} catch (error) {
		return { url, status: null, reason: networkReason(error, timeoutMs) };
	}
}

function networkReason(error: unknown, timeoutMs: number): string {
	if (error instanceof Error && error.name === "TimeoutError")
		return `no answer within ${timeoutMs / 1000} s`;
	// fetch reports every network failure as "fetch failed"; the cause says which (ECONNREFUSED, ENOTFOUND...).
	const cause = error instanceof Error ? error.cause : undefined;
	if (cause instanceof Error) return cause.message;
	return error instanceof Error ? error.message : String(error);
}

/** The notice as the CLI prints it: `lines` for stdout, `warnings` for stderr. */
export function describeHubNotice(notice: HubNotice): { lines: string[]; warnings: string[] } {
	const feeds = `${notice.urls.length} changed feed URL${notice.urls.length === 1 ? "" : "s"}`;
	if (notice.action === "local") {
		return {
			lines: [
				`WebSub hub ${notice.hub} not pinged for ${feeds}: this sync went to local KV, whose localhost feed ` +
					"URLs mean nothing to a public hub; only production (--remote) syncs ping it.",
			],
			warnings: [],
		};
	}
	if (notice.action === "dry-run") {
		const more = notice.urls.length - URLS_SHOWN;
		return {
			lines: [
				`Would ping WebSub hub ${notice.hub} for ${feeds}:`,
				...notice.urls.slice(0, URLS_SHOWN).map((url) => `  ${url}`),
				...(more > 0 ? [`  and ${more} more`] : []),
			],
			warnings: [],
		};
	}
	const accepted = notice.urls.length - notice.failures.length;
	const lines = [`Pinged WebSub hub ${notice.hub}: ${accepted} of ${feeds} accepted.`];
	if (notice.failures.length === 0) return { lines, warnings: [] };
	const more = notice.failures.length - WARNINGS_SHOWN;
	return {
		lines,
		warnings: [
			...notice.failures
				.slice(0, WARNINGS_SHOWN)
				.map(
					(failure) =>
						`Warning: WebSub hub ${notice.hub} did not take the ping for ${failure.url}: ${failure.reason}`,
				),
			...(more > 0 ? [`Warning: and ${more} more ping(s) to ${notice.hub} failed`] : []),
			"Warning: the content is published all the same, but the hub was not told, so its subscribers may not hear " +
				"of it until a later sync changes those feeds and pings again.",
		],
	};
}
