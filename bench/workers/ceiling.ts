// Bench-only Worker, the ceiling: answers with a constant body of the size being compared, and nothing else.
// Bodies are registered once per path with PUT before the load starts; a conditional GET gets a bodiless 304.
// The body goes out as the stream of a Blob made once: for feed-sized bodies workerd served that 1.3 to 2.5 times
// as fast as a Uint8Array body in every paired run (BENCHMARKS.md, issue 8), and a ceiling must be the fastest
// way a Worker can answer, or the ratios flatter the app.

interface ConstantBody {
	body: Blob;
	contentType: string;
}

const bodies = new Map<string, ConstantBody>();

export default {
	async fetch(request: Request): Promise<Response> {
		const { pathname } = new URL(request.url);
		if (request.method === "PUT") {
			const contentType = request.headers.get("content-type") ?? "application/octet-stream";
			bodies.set(pathname, { body: new Blob([await request.arrayBuffer()]), contentType });
			return new Response(null, { status: 204 });
		}
		if (request.headers.has("if-none-match"))
			return new Response(null, { status: 304, headers: { etag: '"c"' } });
		const constant = bodies.get(pathname);
		if (!constant) return new Response("no body registered for this path", { status: 404 });
		return new Response(constant.body.stream(), { headers: { "content-type": constant.contentType } });
	},
} satisfies ExportedHandler;
