// A Worker app under test with a clock the test moves, served the way workerd serves the real one.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type AppOptions, createApp } from "../../../src/index.ts";

export interface TestApp {
	/** Epoch ms the app sees as now. */
	now: number;
	fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** A fresh app (its own isolate memos) reading the real local KV; `options.articles` may wrap it, `bindings` add to env. */
export function testApp(
	now: number,
	options: Omit<AppOptions, "now"> = {},
	bindings: Partial<Env> = {},
): TestApp {
	// Stats are off unless a test asks for them (test/worker/feedStats.test.ts does).
	const app = createApp({ stats: () => undefined, ...options, now: () => state.now });
	const appEnv = Object.keys(bindings).length === 0 ? env : { ...env, ...bindings };
	const state: TestApp = {
		now,
		async fetch(path, init) {
			const ctx = createExecutionContext();
			const response = await app.fetch(new Request(new URL(path, "http://localhost"), init), appEnv, ctx);
			// Edge-cache writes run in waitUntil: finish them so the next request sees them.
			await waitOnExecutionContext(ctx);
			return response;
		},
	};
	return state;
}
