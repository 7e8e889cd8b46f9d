// XML escaping: text and attribute values, and CDATA sections that survive any number of "]]>".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdata, escapeXml } from "../../src/serializers/xmlEscape.ts";
import { safeText } from "../../src/text/safeText.ts";
import { parseXmlStrict } from "../support/feedValidators.ts";

describe("escapeXml", () => {
	it("escapes &, <, >, double quotes, and tab, newline and carriage return", () => {
		expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
		expect(escapeXml("a\tb\nc\r\nd")).toBe("a&#9;b&#10;c&#13;&#10;d");
	});

	it("round-trips any safe text exactly, as element text and as an attribute value", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary" }), fc.constantFrom("", "\r\n", "\t", "\n\r"), (raw, spaces) => {
				const text = safeText(raw + spaces + raw);
				const root = parseXmlStrict(`<r a="${escapeXml(text)}">${escapeXml(text)}</r>`);
				expect(root.attributes.a).toBe(text);
				expect(root.text).toBe(text);
			}),
		);
	});
});

describe("cdata", () => {
	it("splits every ]]>, not only the first", () => {
		const text = "]]> a ]]> b ]]>]]>";
		expect(parseXmlStrict(`<r>${cdata(text)}</r>`).text).toBe(text);
	});

	it("keeps carriage returns, which a parser would otherwise read as newlines", () => {
		const text = "dòng 1\r\ndòng 2\rdòng 3";
		expect(parseXmlStrict(`<r>${cdata(text)}</r>`).text).toBe(text);
	});

	it("round-trips any safe text", () => {
		fc.assert(
			fc.property(
				fc.string({ unit: "binary" }),
				fc.constantFrom("", "]]>", "]]", "]", "\r\n", "\r"),
				(raw, extra) => {
					const text = safeText(raw + extra + raw);
					expect(parseXmlStrict(`<r>${cdata(text)}</r>`).text).toBe(text);
				},
			),
		);
	});
});
