// safeText: the one text-safety rule every format relies on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeText } from "../../src/text/safeText.ts";

// XML 1.0's Char production, as a test oracle independent of the implementation's regex.
const isXmlChar = (codePoint: number): boolean =>
	codePoint === 0x9 ||
	codePoint === 0xa ||
	codePoint === 0xd ||
	(codePoint >= 0x20 && codePoint <= 0xd7ff) ||
	(codePoint >= 0xe000 && codePoint <= 0xfffd) ||
	(codePoint >= 0x10000 && codePoint <= 0x10ffff);

describe("safeText", () => {
	it("replaces lone surrogates, high or low, with U+FFFD and keeps real pairs", () => {
		expect(safeText("a\uD800b")).toBe("a\uFFFDb");
		expect(safeText("a\uDC00b")).toBe("a\uFFFDb");
		expect(safeText("\uDC00\uD800")).toBe("\uFFFD\uFFFD");
		expect(safeText("🎉")).toBe("🎉");
	});

	it("strips the characters XML 1.0 forbids and keeps tab, newline and carriage return", () => {
		expect(safeText("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF")).toBe("abcdef");
		expect(safeText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
	});

	it("normalises decomposed Vietnamese to NFC", () => {
		const decomposed = "Nghệ An, Đời sống".normalize("NFD");
		expect(decomposed).not.toBe("Nghệ An, Đời sống");
		expect(safeText(decomposed)).toBe("Nghệ An, Đời sống");
	});

	it("always yields NFC text made only of XML characters, and is idempotent", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary" }), (input) => {
				const output = safeText(input);
				expect(output.isWellFormed()).toBe(true);
				for (const char of output) expect(isXmlChar(char.codePointAt(0) ?? -1)).toBe(true);
				expect(output).toBe(output.normalize("NFC"));
				expect(safeText(output)).toBe(output);
			}),
			{ numRuns: 2000 },
		);
	});
});
