// Placeholders and templates: values go into their holes exactly once, escaped for where they land, and text
// that merely looks like a placeholder stays as written.
import { describe, expect, it } from "vitest";
import { renderAtom, renderRss } from "../../src/serializers/index.ts";
import { compileTemplate, fillTemplate, ValueSlots } from "../../src/serializers/valueSlots.ts";
import { sampleArticle, sampleModel } from "../support/feedFixtures.ts";
import { childNamed, parseXmlStrict, type XmlElement } from "../support/feedValidators.ts";

const isoSlots = () => new ValueSlots((date) => date.toISOString());

describe("value slots and templates", () => {
	it("fill text, URL and CDATA holes with escaped values", () => {
		const slots = isoSlots();
		const text = slots.text("a & <b>");
		const url = slots.url("http://x/?a=1&b=2");
		const html = slots.text("<p>]]></p>");
		const template = compileTemplate(`<t>${text}</t><l href="${url}"/><c><![CDATA[${html}]]></c>`);
		expect(fillTemplate(template, slots.values)).toBe(
			'<t>a &amp; &lt;b&gt;</t><l href="http://x/?a=1&amp;b=2"/><c><![CDATA[<p>]]]]><![CDATA[></p>]]></c>',
		);
	});

	it("number placeholders in order, so one template serves every document of the same shape", () => {
		const first = isoSlots();
		const second = isoSlots();
		const placeholders = [first.text("a"), first.url("http://a/")];
		expect([second.text("b"), second.url("http://b/")]).toEqual(placeholders);
		const template = compileTemplate(`<t>${placeholders[0]}</t><u>${placeholders[1]}</u>`);
		expect(fillTemplate(template, first.values)).toBe("<t>a</t><u>http://a/</u>");
		expect(fillTemplate(template, second.values)).toBe("<t>b</t><u>http://b/</u>");
	});

	it("stand in for dates with the formatted date as a placeholder", () => {
		const slots = new ValueSlots((date) => date.toUTCString());
		const date = slots.date(Date.UTC(2026, 10, 28, 10));
		expect(fillTemplate(compileTemplate(`<d>${date.toUTCString()}</d>`), slots.values)).toBe(
			"<d>Sat, 28 Nov 2026 10:00:00 GMT</d>",
		);
	});

	it("leave placeholder look-alikes inside values alone", () => {
		const lookalike = "~0~ ~1~ https://x.invalid/~2~ https://x.invalid/~2~.~3~ <![CDATA[~3~]]>";
		const model = sampleModel([
			sampleArticle({ title: lookalike, summary: lookalike, contentHtml: lookalike }),
		]);
		const channel = childNamed(parseXmlStrict(renderRss(model)), "", "channel") as XmlElement;
		expect(childNamed(childNamed(channel, "", "item") as XmlElement, "", "title")?.text).toBe(lookalike);
		const entry = childNamed(parseXmlStrict(renderAtom(model)), "http://www.w3.org/2005/Atom", "entry");
		expect(childNamed(entry as XmlElement, "http://www.w3.org/2005/Atom", "content")?.text).toBe(lookalike);
	});

	it("refuse a hole with no value", () => {
		expect(() => fillTemplate(compileTemplate("<t>~7~</t>"), [])).toThrow(/unknown placeholder/);
	});
});
