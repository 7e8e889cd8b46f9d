// checkRss2 accepts a valid RSS 2.0 feed and rejects each rule broken on its own.
import { describe, expect, it } from "vitest";
import { checkRss2 } from "./checkRss2.ts";

const VALID = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>Tin tức</title>
<link>https://example.com/</link>
<description>Mô tả</description>
<language>vi</language>
<lastBuildDate>Sat, 28 Nov 2026 10:00:00 GMT</lastBuildDate>
<ttl>5</ttl>
<image><url>https://example.com/icon.png</url><title>Tin tức</title><link>https://example.com/</link></image>
<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>
<item>
<title>Bài A</title>
<link>https://example.com/a</link>
<guid isPermaLink="false">urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</guid>
<pubDate>Tue, 15 Aug 2023 02:00:00 GMT</pubDate>
<description>Tóm tắt</description>
<content:encoded><![CDATA[<p>Nội dung</p>]]></content:encoded>
<author>a@example.com (Tác giả)</author>
<category domain="https://example.com/tags/">Thẻ</category>
<enclosure url="https://example.com/a.jpg" length="0" type="image/jpeg"/>
<media:content url="https://example.com/a.jpg" medium="image" type="image/jpeg" fileSize="2048" width="10" height="10"/>
<media:thumbnail url="https://example.com/a.jpg" width="10" height="10"/>
</item>
<item>
<title>Bài B</title>
<guid>https://example.com/b</guid>
<dc:creator>Kim Dung</dc:creator>
</item>
</channel>
</rss>`;

const CASES: [string, string, string, string][] = [
	["missing channel title", "<title>Tin tức</title>\n<link>", "<link>", "channel: missing required <title>"],
	[
		"missing channel link",
		"<link>https://example.com/</link>\n<description>",
		"<description>",
		"missing required <link>",
	],
	["missing channel description", "<description>Mô tả</description>", "", "missing required <description>"],
	[
		"relative channel link",
		"<link>https://example.com/</link>\n<desc",
		"<link>/</link>\n<desc",
		"channel <link>: not an absolute URL",
	],
	[
		"item with neither title nor description",
		"<title>Bài B</title>",
		"",
		"must contain <title> or <description>",
	],
	[
		"ISO date as pubDate",
		"<pubDate>Tue, 15 Aug 2023 02:00:00 GMT</pubDate>",
		"<pubDate>2023-08-15T02:00:00Z</pubDate>",
		"not an RFC 822 date",
	],
	["wrong day of the week", "<pubDate>Tue, 15 Aug", "<pubDate>Wed, 15 Aug", "not an RFC 822 date"],
	[
		"impossible lastBuildDate",
		"Sat, 28 Nov 2026",
		"Sat, 31 Nov 2026",
		"<lastBuildDate>: not an RFC 822 date",
	],
	[
		"URN guid claimed as a permalink",
		'isPermaLink="false">urn',
		'isPermaLink="true">urn',
		"is not a permalink",
	],
	[
		"isPermaLink not a boolean",
		'isPermaLink="false"',
		'isPermaLink="no"',
		'isPermaLink must be "true" or "false"',
	],
	[
		"relative permalink guid",
		"<guid>https://example.com/b</guid>",
		"<guid>/b</guid>",
		"not an absolute URL: /b",
	],
	[
		"missing guid",
		'<guid isPermaLink="false">urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</guid>',
		"",
		"item 1: missing <guid>",
	],
	[
		"duplicate guids",
		"<guid>https://example.com/b</guid>",
		'<guid isPermaLink="false">urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</guid>',
		"guid used by more than one item",
	],
	[
		"enclosure without length",
		'length="0" type="image/jpeg"/>\n<media',
		'type="image/jpeg"/>\n<media',
		"<enclosure>: missing length",
	],
	[
		"enclosure without type",
		'<enclosure url="https://example.com/a.jpg" length="0" type="image/jpeg"/>',
		'<enclosure url="https://example.com/a.jpg" length="0"/>',
		"<enclosure>: missing type",
	],
	["negative enclosure length", 'length="0"', 'length="-1"', "length must be a non-negative integer"],
	[
		"relative enclosure url",
		'<enclosure url="https://example.com/a.jpg"',
		'<enclosure url="a.jpg"',
		"<enclosure url>: not an absolute URL",
	],
	[
		"two enclosures",
		"<enclosure ",
		'<enclosure url="https://example.com/b.jpg" length="1" type="image/jpeg"/><enclosure ',
		"more than one <enclosure>",
	],
	[
		"no atom:link self",
		'<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>',
		"",
		'missing <atom:link rel="self">',
	],
	[
		"relative atom:link",
		'href="https://example.com/rss.xml"',
		'href="rss.xml"',
		"<atom:link href>: not an absolute URL",
	],
	[
		"bare-name author",
		"<author>a@example.com (Tác giả)</author>",
		"<author>Tác giả</author>",
		"<author>: must be an email address",
	],
	[
		"two authors",
		"<author>a@example.com (Tác giả)</author>",
		"<author>a@example.com (A)</author><author>b@example.com (B)</author>",
		"more than one <author>",
	],
	[
		"content:encoded without description",
		"<description>Tóm tắt</description>",
		"",
		"<content:encoded> without a <description>",
	],
	[
		"markup inside content:encoded",
		"<![CDATA[<p>Nội dung</p>]]>",
		"<p xmlns=''>Nội dung</p>",
		"must be escaped HTML text",
	],
	["unknown RSS element", "<ttl>5</ttl>", "<ttl>5</ttl><updated>x</updated>", "undefined element <updated>"],
	[
		"two channel titles",
		"<title>Tin tức</title>",
		"<title>Tin tức</title><title>Lại</title>",
		"more than one <title>",
	],
	["ttl not a number", "<ttl>5</ttl>", "<ttl>năm</ttl>", "<ttl>: must be a positive integer"],
	["bad language", "<language>vi</language>", "<language>Tiếng Việt</language>", "not a language code"],
	[
		"image without url",
		"<image><url>https://example.com/icon.png</url>",
		"<image>",
		"<image>: missing required <url>",
	],
	["media:content with unknown medium", 'medium="image"', 'medium="picture"', "unknown medium picture"],
	[
		"media:content with a fileSize of 0",
		'fileSize="2048"',
		'fileSize="0"',
		"fileSize must be a positive integer",
	],
	[
		"relative media:thumbnail url",
		'<media:thumbnail url="https://example.com/a.jpg"',
		'<media:thumbnail url="a.jpg"',
		"<media:thumbnail>: not an absolute URL",
	],
	[
		"two media:thumbnails",
		"<media:thumbnail ",
		'<media:thumbnail url="https://example.com/b.jpg"/><media:thumbnail ',
		"more than one <media:thumbnail>",
	],
	[
		"wrong media namespace URI",
		'xmlns:media="http://search.yahoo.com/mrss/"',
		'xmlns:media="http://search.yahoo.com/mrss"',
		'prefix "media" must be bound',
	],
	[
		"metadata after the items",
		"</item>\n</channel>",
		"</item>\n<copyright>c</copyright>\n</channel>",
		"metadata after the first <item>",
	],
	["RSS 0.91", 'version="2.0"', 'version="0.91"', '<rss version> must be "2.0"'],
];

describe("checkRss2", () => {
	it("accepts a valid RSS 2.0 feed", () => {
		expect(checkRss2(VALID)).toEqual([]);
	});

	it.each(CASES)("rejects %s", (_name, from, to, message) => {
		expect(VALID).toContain(from);
		const errors = checkRss2(VALID.replace(from, to));
		expect(errors).toContainEqual(expect.stringContaining(message));
	});

	it("rejects ill-formed XML and undeclared prefixes before anything else", () => {
		expect(checkRss2(VALID.replace("<title>Bài A</title>", "<title>A & B</title>"))).toEqual([
			expect.stringContaining("not well-formed XML"),
		]);
		expect(checkRss2(VALID.replace(' xmlns:dc="http://purl.org/dc/elements/1.1/"', ""))).toEqual([
			expect.stringContaining("unbound namespace prefix"),
		]);
	});

	it("rejects a document that is not RSS", () => {
		expect(checkRss2('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toEqual([
			expect.stringContaining("<rss>"),
		]);
	});
});

// An archive document (RFC 5005 §4 and Appendix B): the valid feed with the history namespace, links and marker.
const ARCHIVE = VALID.replace(
	'xmlns:media="http://search.yahoo.com/mrss/">',
	'xmlns:media="http://search.yahoo.com/mrss/" xmlns:fh="http://purl.org/syndication/history/1.0">',
).replace(
	'<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>',
	`<atom:link href="https://example.com/archive/2/rss.xml" rel="self" type="application/rss+xml"/>
<atom:link href="https://example.com/rss.xml" rel="current" type="application/rss+xml"/>
<atom:link href="https://example.com/archive/1/rss.xml" rel="prev-archive" type="application/rss+xml"/>
<atom:link href="https://example.com/archive/3/rss.xml" rel="next-archive" type="application/rss+xml"/>
<fh:archive/>`,
);

const ARCHIVE_CASES: [string, string, string, string][] = [
	["a marker with content", "<fh:archive/>", "<fh:archive><x/></fh:archive>", "<fh:archive>: must be empty"],
	["no current link", 'rel="current"', 'rel="alternate"', 'without a link rel="current"'],
	[
		"a relative archive link",
		"https://example.com/archive/1/rss.xml",
		"/archive/1/rss.xml",
		"not an absolute URL",
	],
	[
		"a marker after the items",
		"</item>\n</channel>",
		"</item>\n<fh:archive/>\n</channel>",
		"metadata after the first <item>",
	],
	["a marker in an item", "<title>Bài B</title>", "<title>Bài B</title><fh:archive/>", "belongs to the feed"],
	[
		"the fh prefix bound elsewhere",
		'xmlns:fh="http://purl.org/syndication/history/1.0"',
		'xmlns:fh="http://example.com/history"',
		'prefix "fh" must be bound',
	],
];

describe("checkRss2 on archive documents (RFC 5005)", () => {
	it("accepts a valid archive document", () => {
		expect(checkRss2(ARCHIVE)).toEqual([]);
	});

	it.each(ARCHIVE_CASES)("rejects %s", (_name, from, to, message) => {
		expect(ARCHIVE).toContain(from);
		expect(checkRss2(ARCHIVE.replace(from, to))).toContainEqual(expect.stringContaining(message));
	});
});
