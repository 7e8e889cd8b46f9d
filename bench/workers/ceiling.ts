// Bench-only Worker, the ceiling: answers each registered path with a constant response, byte for byte the app's.
// Before the load, the bench registers a path with PUT: the body of the app's 200, and (as JSON in CEILING_HEADERS)
// the header lists of the app's 200 and 304 for it, captured from the app once (bench/ceilingResponse.ts). A GET
// then gets that 200, a conditional GET that 304, each from a Headers made once, so the ceiling does no per-request
// work but finding the path: what is left between it and the app is the app's own work, not the headers HTTP asks
// of it. The body goes out as the stream of a Blob made once: for feed-sized bodies workerd served that 1.3 to 2.5
// times as fast as a Uint8Array body in every paired run (BENCHMARKS.md, issue 8), and a ceiling must be the
// fastest way a Worker can answer, or the ratios flatter the app.

import { CEILING_HEADERS, type CeilingHeaders } from "../ceilingProtocol.ts";

interface ConstantResponse {
	body: Blob;
	ok: Headers;
	notModified: Headers;
}

const responses = new Map<string, ConstantResponse>();

export default {
	async fetch(request: Request): Promise<Response> {
		const { pathname } = new URL(request.url);
		if (request.method === "PUT") {
			const lists = JSON.parse(request.headers.get(CEILING_HEADERS) ?? "null") as CeilingHeaders | null;
			if (!lists) return new Response(`PUT needs the ${CEILING_HEADERS} header`, { status: 400 });
			responses.set(pathname, {
				body: new Blob([await request.arrayBuffer()]),
				ok: new Headers(lists.ok),
				notModified: new Headers(lists.notModified),
			});
			return new Response(null, { status: 204 });
		}
		const constant = responses.get(pathname);
		if (!constant) return new Response("no response registered for this path", { status: 404 });
		if (request.headers.has("if-none-match"))
			return new Response(null, { status: 304, headers: constant.notModified });
		return new Response(constant.body.stream(), { headers: constant.ok });
	},
} satisfies ExportedHandler;
