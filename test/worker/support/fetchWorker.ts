// A request to the Worker as workerd runs it: its default export's fetch, with the bindings and isolate of the test
// file (for a fresh app with its own clock and memos, use testApp.ts).
import { exports } from "cloudflare:workers";

export function fetchWorker(path: string, init?: RequestInit): Promise<Response> {
	return exports.default.fetch(new Request(`http://localhost${path}`, init));
}
