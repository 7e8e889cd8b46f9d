// checkAtom accepts a valid Atom 1.0 feed and rejects each RFC 4287 rule broken on its own.
import { describe, expect, it } from "vitest";
import { checkAtom } from "./checkAtom.ts";

const VALID = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>https://example.com/</id>
<title>Tin tức</title>
<updated>2026-11-28T10:00:00Z</updated>
<author><name>Ban biên tập</name><email>bbt@example.com</email><uri>https://example.com/</uri></author>
<link rel="alternate" type="text/html" href="https://example.com/"/>
<link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>
<subtitle>Mô tả</subtitle>
<entry>
<id>urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</id>
<title type="text">Bài A</title>
<updated>2023-08-16T10:30:00+07:00</updated>
<published>2023-08-15T09:00:00+07:00</published>
<link rel="alternate" type="text/html" href="https://example.com/a"/>
<link rel="enclosure" type="image/jpeg" href="https://example.com/a.jpg"/>
<summary type="text">Tóm tắt</summary>
<content type="html">&lt;p&gt;Nội dung&lt;/p&gt;</content>
<category term="the" label="Thẻ" scheme="https://example.com/tags/"/>
</entry>
<entry>
<id>https://example.com/b</id>
<title>Bài B</title>
<updated>2023-08-14T10:30:00Z</updated>
<link href="https://example.com/b"/>
</entry>
</feed>`;

const CASES: [string, string, string, string][] = [
	["feed without id", "<id>https://example.com/</id>", "", "feed: must contain exactly one <id>"],
	["feed without title", "<title>Tin tức</title>", "", "feed: must contain exactly one <title>"],
	[
		"feed without updated",
		"<updated>2026-11-28T10:00:00Z</updated>",
		"",
		"feed: must contain exactly one <updated>",
	],
	["relative feed id", "<id>https://example.com/</id>", "<id>/</id>", "feed <id>: not an absolute IRI"],
	["date without an offset", "2026-11-28T10:00:00Z", "2026-11-28T10:00:00", "not an RFC 3339 date-time"],
	[
		"RFC 822 date",
		"<updated>2023-08-14T10:30:00Z</updated>",
		"<updated>Mon, 14 Aug 2023 10:30:00 GMT</updated>",
		"entry 2 <updated>: not an RFC 3339",
	],
	[
		"no author on the feed or an entry",
		"<author><name>Ban biên tập</name><email>bbt@example.com</email><uri>https://example.com/</uri></author>",
		"",
		"no <author>, and the feed has none",
	],
	["author without a name", "<name>Ban biên tập</name>", "", "must contain exactly one <name>"],
	["bad author email", "<email>bbt@example.com</email>", "<email>bbt</email>", "not an email address"],
	[
		"no self link",
		'<link rel="self" type="application/atom+xml" href="https://example.com/atom.xml"/>',
		"",
		'exactly one <link rel="self">',
	],
	[
		"two alternates of one type",
		'<link rel="alternate" type="text/html" href="https://example.com/"/>',
		'<link rel="alternate" type="text/html" href="https://example.com/"/><link rel="alternate" type="text/html" href="https://example.com/x"/>',
		'more than one <link rel="alternate">',
	],
	["relative link", 'href="https://example.com/a"', 'href="a"', "not an absolute IRI: a"],
	["link without href", '<link href="https://example.com/b"/>', "<link/>", "<link>: missing href"],
	["entry without id", "<id>https://example.com/b</id>", "", "entry 2: must contain exactly one <id>"],
	[
		"two entry titles",
		"<title>Bài B</title>",
		"<title>Bài B</title><title>Lại</title>",
		"entry 2: must contain exactly one <title>",
	],
	[
		"entry with neither content nor alternate link",
		'<link href="https://example.com/b"/>',
		"",
		'needs <content> or a <link rel="alternate">',
	],
	["category without term", 'term="the" ', "", "<category>: missing term"],
	[
		"unknown text type",
		'<summary type="text">',
		'<summary type="markdown">',
		"type must be text, html or xhtml",
	],
	[
		"markup in a text construct",
		'<summary type="text">Tóm tắt</summary>',
		'<summary type="text"><b>Tóm tắt</b></summary>',
		"must hold text, not elements",
	],
	[
		"content src without summary",
		'<summary type="text">Tóm tắt</summary>\n<content type="html">&lt;p&gt;Nội dung&lt;/p&gt;</content>',
		'<content type="text/html" src="https://example.com/a.html"/>',
		"<content src> requires a <summary>",
	],
	[
		"duplicate entry ids",
		"<id>https://example.com/b</id>",
		"<id>urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</id>",
		"entry id used by more than one entry",
	],
	["bad xml:lang", 'xml:lang="vi"', 'xml:lang="Tiếng Việt"', "xml:lang: not a language tag"],
];

describe("checkAtom", () => {
	it("accepts a valid Atom feed", () => {
		expect(checkAtom(VALID)).toEqual([]);
	});

	it.each(CASES)("rejects %s", (_name, from, to, message) => {
		expect(VALID).toContain(from);
		expect(checkAtom(VALID.replace(from, to))).toContainEqual(expect.stringContaining(message));
	});

	it("rejects ill-formed XML and a root that is not atom:feed", () => {
		expect(checkAtom(VALID.replace("<title>Bài B</title>", "<title>Bài B</titel>"))).toEqual([
			expect.stringContaining("not well-formed XML"),
		]);
		expect(checkAtom('<feed xmlns="http://purl.org/atom/ns#"/>')).toEqual([
			expect.stringContaining("atom:feed"),
		]);
	});
});

// An archive document (RFC 5005 §4): the valid feed with the history namespace, links and marker.
const ARCHIVE = VALID.replace(
	'xml:lang="vi">',
	'xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="vi">',
).replace(
	'href="https://example.com/atom.xml"/>',
	`href="https://example.com/archive/2/atom.xml"/>
<link rel="current" href="https://example.com/atom.xml"/>
<link rel="prev-archive" href="https://example.com/archive/1/atom.xml"/>
<link rel="next-archive" href="https://example.com/archive/3/atom.xml"/>
<fh:archive/>`,
);

const ARCHIVE_CASES: [string, string, string, string][] = [
	["a marker with content", "<fh:archive/>", "<fh:archive>yes</fh:archive>", "<fh:archive>: must be empty"],
	["two markers", "<fh:archive/>", "<fh:archive/><fh:archive/>", "more than one <fh:archive>"],
	["archive and complete", "<fh:archive/>", "<fh:archive/><fh:complete/>", "<fh:archive> and <fh:complete>"],
	["an unknown fh element", "<fh:archive/>", "<fh:archive/><fh:paged/>", "not an RFC 5005 element"],
	[
		"no current link",
		'<link rel="current" href="https://example.com/atom.xml"/>',
		"",
		'without a link rel="current"',
	],
	[
		"two prev-archive links",
		'<link rel="prev-archive" href="https://example.com/archive/1/atom.xml"/>',
		'<link rel="prev-archive" href="https://example.com/archive/1/atom.xml"/><link rel="prev-archive" href="https://example.com/archive/0/atom.xml"/>',
		'more than one link rel="prev-archive"',
	],
	[
		"a history link to itself",
		"https://example.com/archive/3/atom.xml",
		"https://example.com/archive/2/atom.xml",
		'link rel="next-archive" points to the document itself',
	],
	[
		"a relative archive link",
		"https://example.com/archive/1/atom.xml",
		"archive/1/atom.xml",
		"not an absolute IRI",
	],
	[
		"a marker in an entry",
		"<title>Bài B</title>",
		"<title>Bài B</title><fh:archive/>",
		"belongs to the feed",
	],
	["next-archive without the marker", "<fh:archive/>", "", "outside an archive document"],
];

describe("checkAtom on archive documents (RFC 5005)", () => {
	it("accepts a valid archive document", () => {
		expect(checkAtom(ARCHIVE)).toEqual([]);
	});

	it.each(ARCHIVE_CASES)("rejects %s", (_name, from, to, message) => {
		expect(ARCHIVE).toContain(from);
		expect(checkAtom(ARCHIVE.replace(from, to))).toContainEqual(expect.stringContaining(message));
	});
});
