// For tests that make something fail on purpose: console.error is captured instead of printed (a passing run stays
// quiet) and the test asserts on what was logged. The spy is removed when the test finishes.
import { expect, onTestFinished, vi } from "vitest";

export interface ExpectedErrors {
	/** Each console.error call as one line: its arguments joined, errors by their message. */
	messages(): string[];
	/** At least one error was logged, and every one matches `pattern`. */
	expectOnly(pattern: RegExp): void;
}

export function expectedErrors(): ExpectedErrors {
	const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
	onTestFinished(() => spy.mockRestore());
	const messages = () =>
		spy.mock.calls.map((args) =>
			args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(" "),
		);
	return {
		messages,
		expectOnly(pattern) {
			const logged = messages();
			expect(logged.length, "errors logged").toBeGreaterThan(0);
			for (const line of logged) expect(line).toMatch(pattern);
		},
	};
}
