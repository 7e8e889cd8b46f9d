// parseXmlStrict rejects every kind of ill-formed feed XML our escaping guards against, and reads valid XML.
import { describe, expect, it } from "vitest";
import { childNamed, documentRoot, parseXmlStrict } from "./xmlTree.ts";

describe("parseXmlStrict", () => {
	it("reads elements, namespaces, attributes and text with CDATA joined", () => {
		const root = parseXmlStrict(
			'<r xmlns:a="urn:a" x="1 &amp; 2"><a:c a:y="z">t<![CDATA[<b>]]>&lt;</a:c></r>',
		);
		expect(root.attributes).toEqual({ x: "1 & 2" });
		const child = childNamed(root, "urn:a", "c");
		expect(child?.text).toBe("t<b><");
		expect(child?.attributeUris).toEqual({ "a:y": "urn:a" });
	});

	it.each([
		["an undeclared element prefix", "<r><media:content/></r>"],
		["an undeclared attribute prefix", '<r xml:lang="vi" dc:x="1"/>'],
		["a raw < in an attribute", '<r a="<"/>'],
		["a raw & in text", "<r>A & B</r>"],
		["a stray ]]> in text", "<r>a ]]> b</r>"],
		["a CDATA section ended early", "<r><![CDATA[a ]]> b ]]></r>"],
		["a NUL character", "<r>\u0000</r>"],
		["a C0 control character", "<r>\u0001</r>"],
		["U+FFFF", "<r>\uFFFF</r>"],
		["a lone surrogate", "<r>\uD800</r>"],
		["mismatched tags", "<r><a></b></r>"],
		["two roots", "<r/><r/>"],
		["no root", ""],
	])("throws on %s", (_name, xml) => {
		expect(() => parseXmlStrict(xml)).toThrow();
	});
});

describe("documentRoot", () => {
	it("gives the root, or the one message a checker returns", () => {
		const root = documentRoot('<opml version="2.0"/>', "", "opml", "<opml>");
		expect(typeof root === "string" ? root : root.attributes.version).toBe("2.0");
		expect(documentRoot("<rss/>", "", "opml", "<opml>")).toBe("root element must be <opml>, found <rss>");
		expect(documentRoot("<opml>", "", "opml", "<opml>")).toMatch(/^not well-formed XML: /);
	});
});
