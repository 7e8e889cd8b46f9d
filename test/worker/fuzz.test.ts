// Request robustness: arbitrary paths, query strings, headers and methods never get a 5xx while KV is healthy.
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { collection } from "../support/articles.ts";
import { publish } from "./support/publish.ts";

beforeAll(async () => {
	await publish(collection(), Date.parse("2023-09-01T00:00:00Z"));
});

const segment = fc.oneof(
	fc.constantFrom(
		"",
		"tags",
		"authors",
		"articles",
		"xa-hoi",
		"tran-van-minh",
		"a1",
		"rss.xml",
		"atom.xml",
		"feed.json",
	),
	fc.constantFrom(
		"..",
		".",
		"%",
		"%2F",
		"%00",
		"%E0%A4%A",
		"__proto__",
		"constructor",
		"Xã hội",
		"\u0000",
		"😀",
	),
	fc.string({ unit: "grapheme", maxLength: 12 }),
	fc.string({ unit: "binary", maxLength: 12 }),
);
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join("/")}`);

const paramValue = fc.oneof(
	fc.constantFrom(
		"0",
		"1",
		"20",
		"100",
		"101",
		"-1",
		"1.5",
		"1e2",
		"",
		"2023-09-01T00:00:00Z",
		"2023-09-01T00:00:00+07:00",
	),
	fc.constantFrom(
		"2023-02-30T00:00:00Z",
		"9999-12-31T23:59:60Z",
		"0000-01-01T00:00:00Z",
		"+275760-09-13T00:00:00Z",
	),
	fc.string({ unit: "binary", maxLength: 30 }),
);
const param = fc.tuple(
	fc.oneof(fc.constantFrom("limit", "since", "utm_source", "LIMIT"), fc.string({ maxLength: 8 })),
	paramValue,
);
const query = fc.oneof(
	fc.array(param, { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()),
	fc.string({ unit: "binary", maxLength: 40 }).map((raw) => encodeURI(raw).replaceAll("#", "%23")),
	fc.constantFrom("limit=%ZZ", "since=%", "&&&", "=", "limit", "since=2023-09-01T00:00:00+07:00"),
);

// Header values: printable ASCII (what fetch() accepts without re-encoding), any arrangement of it.
const headerValue = fc.oneof(
	fc.constantFrom(
		"*",
		'W/"x"',
		'"x", W/"y"',
		"W/",
		'"',
		"Sat, 19 Aug 2023 03:30:00 GMT",
		"Saturday, 99-Aug-23 03:30:00 GMT",
	),
	fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,58}[\x21-\x7e]$/),
);
const headers = fc.dictionary(
	fc.constantFrom(
		"If-None-Match",
		"If-Modified-Since",
		"Accept-Encoding",
		"Origin",
		"Range",
		"If-Match",
		"Accept",
	),
	headerValue,
	{ maxKeys: 4 },
);
const method = fc.constantFrom("GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE");

it("never answers with a 5xx", async () => {
	await fc.assert(
		fc.asyncProperty(
			path,
			query,
			headers,
			method,
			async (pathname, search, requestHeaders, requestMethod) => {
				const url = new URL(
					`http://localhost${encodeURI(pathname).replaceAll("?", "%3F").replaceAll("#", "%23")}`,
				);
				url.search = search;
				const response = await exports.default.fetch(
					new Request(url, {
						method: requestMethod,
						headers: requestHeaders,
						body: requestMethod === "POST" ? "x" : null,
					}),
				);
				await response.arrayBuffer();
				expect(response.status, `${requestMethod} ${url} ${JSON.stringify(requestHeaders)}`).toBeLessThan(
					500,
				);
			},
		),
		{ numRuns: 1500 },
	);
}, 120_000);

it("never answers a feed path with a 5xx, whatever the query and headers", async () => {
	const feedPath = fc.constantFrom(
		"/rss.xml",
		"/atom.xml",
		"/feed.json",
		"/tags/xa-hoi/rss.xml",
		"/authors/tran-van-minh/feed.json",
		"/",
	);
	await fc.assert(
		fc.asyncProperty(feedPath, query, headers, async (pathname, search, requestHeaders) => {
			const url = new URL(`http://localhost${pathname}`);
			url.search = search;
			const response = await exports.default.fetch(new Request(url, { headers: requestHeaders }));
			await response.arrayBuffer();
			expect(response.status, `${url} ${JSON.stringify(requestHeaders)}`).toBeLessThan(500);
			expect([200, 304, 400]).toContain(response.status);
		}),
		{ numRuns: 1500 },
	);
}, 120_000);
