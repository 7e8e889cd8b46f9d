// Real User-Agent strings, each with where it is documented, and how the stats must read it.
import type { Client } from "../../src/stats/userAgents.ts";

export interface UserAgentSample {
	userAgent: string;
	/** Where this exact string (or its documented form, with the numbers shown) comes from. */
	source: string;
	expected: Client;
}

const BUTTONDOWN = "https://docs.buttondown.com/rss-subscribers";
const service = (name: string, subscribers: number, feedId = ""): Client => ({
	kind: "service",
	service: name,
	feedId,
	subscribers,
});
const crawler: Client = { kind: "crawler" };
const poller: Client = { kind: "poller" };

export const AGGREGATORS = {
	feedly: "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 462 subscribers; )",
	newsblur:
		'NewsBlur Feed Fetcher - 27 subscribers - https://www.newsblur.com/site/7704055/rendezvous-with-cassidoo ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0.1 Safari/605.1.15")',
	feedbin: "Feedbin feed-id:1697787 - 102 subscribers",
	inoreader: "Mozilla/5.0 (compatible; inoreader.com; 114 subscribers)",
	oldReader: "Mozilla/5.0 (compatible; theoldreader.com; 1 subscribers; feed-id=cead6c3a837650eeefd8fe4a)",
	feedspot: "Feedspot/1.0 (+https://www.feedspot.com/fs/fetcher; like FeedFetcher-Google)",
};

export const READERS = {
	netNewsWire: "NetNewsWire (RSS Reader; https://netnewswire.com/)",
	miniflux: "Mozilla/5.0 (compatible; Miniflux/2.2.3; +https://miniflux.app)",
	freshRss: "FreshRSS/1.24.3 (Linux; https://freshrss.org)",
	thunderbird: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0",
};

export const CRAWLERS = {
	googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
	w3cLinkChecker: "W3C-checklink/5.0.0 libwww-perl/6.72",
};

export const USER_AGENT_SAMPLES: UserAgentSample[] = [
	// Aggregators that report their subscribers.
	{ userAgent: AGGREGATORS.feedly, source: BUTTONDOWN, expected: service("Feedly", 462) },
	{
		userAgent: "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 870 subscribers; like FeedFetcher-Google)",
		source: "https://boehs.org/node/rsslytics (Feedly's form with “like FeedFetcher-Google”)",
		expected: service("Feedly", 870),
	},
	{ userAgent: AGGREGATORS.newsblur, source: BUTTONDOWN, expected: service("NewsBlur", 27, "7704055") },
	{ userAgent: AGGREGATORS.feedbin, source: BUTTONDOWN, expected: service("Feedbin", 102, "1697787") },
	{ userAgent: AGGREGATORS.inoreader, source: BUTTONDOWN, expected: service("Inoreader", 114) },
	{
		userAgent:
			"Mozilla/5.0 (compatible; Inoreader/1.0; +http://www.inoreader.com/feed-fetcher; 195 subscribers; )",
		source: "http://www.inoreader.com/feed-fetcher (the fetcher page Inoreader's User-Agent links)",
		expected: service("Inoreader", 195),
	},
	{
		userAgent: AGGREGATORS.oldReader,
		source: BUTTONDOWN,
		expected: service("The Old Reader", 1, "cead6c3a837650eeefd8fe4a"),
	},
	{
		userAgent: "Mozilla/5.0 (compatible; BazQux/2.4; +https://bazqux.com/fetcher; 1 subscribers)",
		source: BUTTONDOWN,
		expected: service("BazQux", 1),
	},
	{
		userAgent:
			"Dreamwidth Studios (webmaster@dreamwidth.org; for https://www.dreamwidth.org/users/vikingschoice_feed/; 2 readers)",
		source: BUTTONDOWN,
		expected: service("Dreamwidth", 2, "https://www.dreamwidth.org/users/vikingschoice_feed/"),
	},
	{
		userAgent:
			"Feedfetcher-Google; (+http://www.google.com/feedfetcher.html; 4 subscribers; feed-id=9048986372668769311)",
		source: "http://www.google.com/feedfetcher.html (Google Reader's fetcher, still in old logs)",
		expected: service("Google Feedfetcher", 4, "9048986372668769311"),
	},
	{
		userAgent: "PlainFeeder v0.0.1 (+http://plainfeeder.com/about ; 3 subscribers)",
		source: "https://www.plainfeeder.com/about (an aggregator not in the table: named by its product token)",
		expected: service("PlainFeeder", 3),
	},
	// A known aggregator that reports no count: at least one subscriber behind it.
	{
		userAgent: AGGREGATORS.feedspot,
		source: "https://www.feedspot.com/fs/fetcher",
		expected: service("Feedspot", 1),
	},
	// Readers' own apps: one poller each.
	{
		userAgent: READERS.netNewsWire,
		source: "https://github.com/Ranchero-Software/NetNewsWire (UserAgent)",
		expected: poller,
	},
	{
		userAgent: READERS.miniflux,
		source: "https://miniflux.app/docs/configuration.html (HTTP_CLIENT_USER_AGENT default)",
		expected: poller,
	},
	{
		userAgent: READERS.freshRss,
		source: "https://github.com/FreshRSS/FreshRSS/blob/edge/constants.php (FRESHRSS_USERAGENT)",
		expected: poller,
	},
	{
		userAgent: "Tiny Tiny RSS/21.12 (https://tt-rss.org/)",
		source: "https://tt-rss.org/ (SELF_USER_AGENT)",
		expected: poller,
	},
	{
		userAgent: "newsboat/2.36.0 (Linux x86_64)",
		source: "https://newsboat.org/releases/2.36/docs/newsboat.html (user-agent default)",
		expected: poller,
	},
	{
		userAgent: READERS.thunderbird,
		source: "https://www.thunderbird.net/ (Thunderbird's Gecko User-Agent, which its feed reader sends)",
		expected: poller,
	},
	{
		userAgent: "Blogtrottr/2.0",
		source: "https://boehs.org/node/rsslytics (RSS-to-email)",
		expected: poller,
	},
	{ userAgent: "", source: "no User-Agent header at all", expected: poller },
	// Crawlers, previews and link checkers: not readers.
	{
		userAgent: CRAWLERS.googlebot,
		source: "https://developers.google.com/search/docs/crawling-indexing/overview-google-crawlers",
		expected: crawler,
	},
	{
		userAgent: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
		source: "https://www.bing.com/webmasters/help/which-crawlers-does-bing-use-8c184ec0",
		expected: crawler,
	},
	{
		userAgent: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
		source: "https://developers.facebook.com/docs/sharing/webmasters/web-crawlers",
		expected: crawler,
	},
	{
		userAgent: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
		source: "https://api.slack.com/robots",
		expected: crawler,
	},
	{
		userAgent: CRAWLERS.w3cLinkChecker,
		source: "https://validator.w3.org/checklink (W3C Link Checker)",
		expected: crawler,
	},
	{
		userAgent: "W3C_Validator/1.3 http://validator.w3.org/services",
		source: "https://validator.w3.org/services",
		expected: crawler,
	},
	{
		userAgent: "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
		source: "http://ahrefs.com/robot/",
		expected: crawler,
	},
	{
		userAgent: "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
		source: "https://uptimerobot.com/help/faq/ (monitoring)",
		expected: crawler,
	},
	{
		userAgent:
			"NewsBlur Page Fetcher - 27 subscribers - https://www.newsblur.com/site/7704055/rendezvous-with-cassidoo",
		source: "https://github.com/samuelclay/NewsBlur (fetches the site's page, not the feed)",
		expected: crawler,
	},
];
