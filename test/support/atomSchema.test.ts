// validateAtomSchema runs jing with RFC 4287's RELAX NG schema: a valid feed passes, a schema violation fails.
import { beforeAll, describe, expect, it } from "vitest";
import { validateAtomSchema, validateAtomSchemas } from "./atomSchema.ts";

const VALID = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>https://example.com/</id>
<title>Tin tức</title>
<updated>2026-11-28T10:00:00Z</updated>
<author><name>Ban biên tập</name></author>
<link rel="self" href="https://example.com/atom.xml"/>
<entry>
<id>urn:uuid:0b1e4c2a-5d6f-5a7b-8c9d-0e1f2a3b4c5d</id>
<title>Bài A</title>
<updated>2023-08-16T10:30:00+07:00</updated>
<link href="https://example.com/a"/>
<category term="the" label="Thẻ"/>
</entry>
</feed>`;

const BROKEN: [name: string, from: string, to: string][] = [
	["an entry without updated", "<updated>2023-08-16T10:30:00+07:00</updated>", ""],
	["a category without term", '<category term="the" label="Thẻ"/>', '<category label="Thẻ"/>'],
	["an unknown Atom element", "<title>Bài A</title>", "<title>Bài A</title><headline>x</headline>"],
	["a date that is not xsd:dateTime", "2026-11-28T10:00:00Z", "28/11/2026"],
	["a link without href", '<link href="https://example.com/a"/>', "<link/>"],
	["an archive marker in Atom's own namespace", "<title>Tin tức</title>", "<title>Tin tức</title><archive/>"],
];

// RFC 5005's marker is foreign markup, which the schema's extension points (extensionElement) admit at feed level.
const ARCHIVE = VALID.replace(
	'xml:lang="vi">',
	'xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="vi">',
).replace(
	'<link rel="self" href="https://example.com/atom.xml"/>',
	`<link rel="self" href="https://example.com/archive/2/atom.xml"/>
<link rel="current" href="https://example.com/atom.xml"/>
<link rel="prev-archive" href="https://example.com/archive/1/atom.xml"/>
<fh:archive/>`,
);

describe("validateAtomSchema", () => {
	it("accepts a feed that matches RFC 4287's schema", () => {
		expect(validateAtomSchema(VALID)).toEqual([]);
	});

	// Every broken variant in one jing run, with the valid feed and the archive document among them: errors belong
	// to their own document.
	let errors: string[][];
	beforeAll(() => {
		errors = validateAtomSchemas([VALID, ...BROKEN.map(([, from, to]) => VALID.replace(from, to)), ARCHIVE]);
	});

	it("accepts an RFC 5005 archive document", () => {
		expect(ARCHIVE).toContain("<fh:archive/>");
		expect(errors.at(-1)).toEqual([]);
	});

	it.each(BROKEN.map((broken, index) => [...broken, index + 1] as const))(
		"rejects %s",
		(_name, from, _to, index) => {
			expect(VALID).toContain(from);
			expect(errors[0]).toEqual([]);
			expect(errors[index]?.length).toBeGreaterThan(0);
			expect(errors[index]?.[0]).toMatch(/error/);
		},
	);
});
