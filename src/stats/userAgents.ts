// Reads a feed request's User-Agent: an aggregator reporting its subscribers, a crawler (not a reader), or a poller.
// Each rule names its service; test/stats/userAgents.test.ts checks the table on real User-Agent strings.

export type Client =
	/** A service polling for many readers; `subscribers` is what it reported (1 when it reports nothing). */
	| { kind: "service"; service: string; feedId: string; subscribers: number }
	/** Search engines, link checkers, previews, monitors: they read no feed for anyone. */
	| { kind: "crawler" }
	/** Anything else: one reader's own app, counted once per address and User-Agent. */
	| { kind: "poller" };

interface ServiceRule {
	service: string;
	match: RegExp;
	/** Services that poll one URL for several of their own feeds say which one; the first group is the id. */
	feedId?: RegExp;
}

/** Aggregators that poll on behalf of their subscribers. */
const SERVICES: readonly ServiceRule[] = [
	{ service: "Feedly", match: /\bFeedly\/|feedly\.com\/fetcher/i },
	{ service: "NewsBlur", match: /^NewsBlur Feed Fetcher\b/, feedId: /newsblur\.com\/site\/(\d+)/ },
	{ service: "Feedbin", match: /^Feedbin\b/, feedId: /feed-id:(\d+)/ },
	{ service: "Inoreader", match: /inoreader/i },
	{ service: "The Old Reader", match: /theoldreader\.com/i, feedId: /feed-id=(\w+)/ },
	{ service: "Feedspot", match: /\bFeedspot\/|feedspot\.com\/fs\/fetcher/i },
	{ service: "BazQux", match: /\bBazQux\//i },
	{ service: "Google Feedfetcher", match: /^Feedfetcher-Google\b/i, feedId: /feed-id=(\d+)/ },
	{ service: "Dreamwidth", match: /^Dreamwidth Studios\b/, feedId: /; for (\S+?);/ },
];

/** Named fetchers that never read for anyone, checked before any subscriber count (some of them carry one). */
const CRAWLERS =
	/Googlebot|Google-InspectionTool|bingbot|Baiduspider|YandexBot|DuckDuckBot|Applebot|AhrefsBot|SemrushBot|MJ12bot|PetalBot|GPTBot|ClaudeBot|CCBot|Bytespider|facebookexternalhit|Twitterbot|LinkedInBot|Slackbot|Discordbot|TelegramBot|W3C_Validator|W3C-checklink|FeedValidator|validator\.w3\.org|LinkChecker|Screaming Frog|UptimeRobot|Pingdom|NewsBlur (?:Page|Favicon) Fetcher|Feedspotbot|FeedlyBot/i;

/** Generic self-descriptions of robots, checked after subscriber counts (some aggregators call themselves bots). */
const ROBOTS = /(?:bot|crawler|spider)(?:[\s/;),+]|$)/i;

/** "1234 subscribers", "2 readers": how aggregators report their count. */
const COUNT = /\b(\d{1,9}) (?:subscribers?|readers?)\b/i;

/** The first product token, e.g. "PlainFeeder" from "PlainFeeder v0.0.1 (…; 3 subscribers)". */
const productName = (userAgent: string): string =>
	/^(?:Mozilla\/5\.0 \(compatible; )?([A-Za-z][\w.-]*)/.exec(userAgent)?.[1] ?? "unknown";

function serviceOf(userAgent: string): ServiceRule | undefined {
	return SERVICES.find((rule) => rule.match.test(userAgent));
}

export function classifyUserAgent(userAgent: string): Client {
	if (CRAWLERS.test(userAgent)) return { kind: "crawler" };
	const rule = serviceOf(userAgent);
	const feedId = (rule?.feedId?.exec(userAgent)?.[1] ?? "").slice(0, 200);
	const count = COUNT.exec(userAgent);
	if (count) {
		const service = rule?.service ?? productName(userAgent).slice(0, 60);
		return { kind: "service", service, feedId, subscribers: Number(count[1]) };
	}
	if (ROBOTS.test(userAgent)) return { kind: "crawler" };
	// A known aggregator that reports no count polls for at least one subscriber: one reader, whatever its addresses.
	if (rule) return { kind: "service", service: rule.service, feedId, subscribers: 1 };
	return { kind: "poller" };
}
