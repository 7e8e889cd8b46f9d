// Placeholders are swapped for values exactly once: text that looks like a placeholder stays as written.
import { describe, expect, it } from "vitest";
import { renderAtom, renderRss } from "../../src/serializers/index.ts";
import { ValueSlots } from "../../src/serializers/valueSlots.ts";
import { sampleArticle, sampleModel } from "../support/feedFixtures.ts";
import { childNamed, parseXmlStrict, type XmlElement } from "../support/feedValidators.ts";

describe("value slots", () => {
	it("fills text, URL and CDATA placeholders with escaped values", () => {
		const slots = new ValueSlots();
		const text = slots.text("a & <b>");
		const url = slots.url("http://x/?a=1&b=2");
		const html = slots.text("<p>]]></p>");
		expect(slots.fill(`<t>${text}</t><l href="${url}"/><c><![CDATA[${html}]]></c>`)).toBe(
			'<t>a &amp; &lt;b&gt;</t><l href="http://x/?a=1&amp;b=2"/><c><![CDATA[<p>]]]]><![CDATA[></p>]]></c>',
		);
	});

	it("leaves placeholder look-alikes inside values alone", () => {
		const lookalike = "~0~ ~1~ https://edgefeed.invalid/~2~ <![CDATA[~3~]]>";
		const model = sampleModel([
			sampleArticle({ title: lookalike, summary: lookalike, contentHtml: lookalike }),
		]);
		const channel = childNamed(parseXmlStrict(renderRss(model)), "", "channel") as XmlElement;
		expect(childNamed(childNamed(channel, "", "item") as XmlElement, "", "title")?.text).toBe(lookalike);
		const entry = childNamed(parseXmlStrict(renderAtom(model)), "http://www.w3.org/2005/Atom", "entry");
		expect(childNamed(entry as XmlElement, "http://www.w3.org/2005/Atom", "content")?.text).toBe(lookalike);
	});

	it("refuses a placeholder it never handed out", () => {
		expect(() => new ValueSlots().fill("<t>~7~</t>")).toThrow(/unknown placeholder/);
	});
});
