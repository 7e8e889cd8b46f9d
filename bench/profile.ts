// `node bench/profile.ts [articles] [path] [kind]`: a V8 CPU profile of the app inside workerd while wrk loads one
// case (kind: uncached, cached, 304, or ceiling / ceiling-304 for the ceiling Worker with the app's response), summarised as the functions with the most self time. Backs the "why" of a
// missed target with evidence. `node bench/profile.ts <articles> <rss|atom|json> render [items]` profiles the
// render loop instead. Needs the state a full `npm run bench` left in bench/.data (state-<articles>, bundles/).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { readWorkerConfig } from "./buildBundle.ts";
import { captureApp, registerWithCeiling } from "./ceilingResponse.ts";
import { measureInTurns } from "./loadTest.ts";

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [articles = "1000", path = "/rss.xml", kind = "uncached", items = "20"] = process.argv.slice(2);
const state = join("bench/.data", `state-${articles}`);
const rendering = kind.startsWith("render");
/** The ceiling kinds profile the ceiling Worker, given the app's body for `path` (same bytes, same content type). */
const ceilingKind = kind === "ceiling" || kind === "ceiling-304";
const bundle = rendering
	? "bench/.data/bundles/renderProbe/renderProbe.js"
	: "bench/.data/bundles/app/index.js";
const ceilingBundle = "bench/.data/bundles/ceiling/ceiling.js";
for (const file of [state, bundle, ceilingBundle])
	if (!existsSync(file)) throw new Error(`run npm run bench first: ${file} is missing`);

/** One DevTools protocol session over the inspector's WebSocket. */
async function devtools(url: string) {
	const socket = new WebSocket(url);
	await new Promise((resolve, reject) => {
		socket.addEventListener("open", resolve, { once: true });
		socket.addEventListener("error", reject, { once: true });
	});
	let nextId = 1;
	const pending = new Map<number, (result: unknown) => void>();
	socket.addEventListener("message", (event) => {
		const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
		if (message.id !== undefined) pending.get(message.id)?.(message.result);
	});
	return {
		send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
			const id = nextId++;
			socket.send(JSON.stringify({ id, method, params }));
			return new Promise((resolve) => pending.set(id, resolve as (result: unknown) => void));
		},
		close: () => socket.close(),
	};
}

function selfTimes(profile: CpuProfile): { name: string; ms: number }[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map<string, number>();
	for (const [index, id] of profile.samples.entries()) {
		const frame = byId.get(id)?.callFrame;
		if (!frame) continue;
		const file = frame.url.split("/").pop() ?? "";
		const name = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
		totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
	}
	return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

const config = readWorkerConfig();
const miniflare = new Miniflare(
	convertV4MiniflareOptions({
		host: "127.0.0.1",
		port: 0,
		inspectorPort: 0,
		resourcePersistencePath: `${state}/v3`,
		workers: (
			[
				["app", bundle],
				["ceiling", ceilingBundle],
			] as const
		).map(([name, scriptPath]) => ({
			name,
			modules: true,
			scriptPath,
			compatibilityDate: config.compatibilityDate,
			compatibilityFlags: config.compatibilityFlags,
			kvNamespaces: config.kvNamespaces,
			cacheAPI: true,
			unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
		})),
	}),
);
try {
	await miniflare.ready;
	const appOrigin = (await miniflare.unsafeGetDirectURL("app")).origin;
	const origin = ceilingKind ? (await miniflare.unsafeGetDirectURL("ceiling")).origin : appOrigin;
	const inspector = await miniflare.getInspectorURL();
	const listUrl = new URL("/json/list", inspector);
	listUrl.protocol = "http:";
	const targets = (await (await fetch(listUrl)).json()) as {
		id: string;
		webSocketDebuggerUrl: string;
	}[];
	// workerd names each user Worker's target core:user:<name>.
	const profiled = `core:user:${ceilingKind ? "ceiling" : "app"}`;
	const target = targets.find((entry) => entry.id === profiled)?.webSocketDebuggerUrl;
	if (!target) throw new Error(`workerd offers no inspector target ${profiled}`);
	const renderUrl = `${appOrigin}/render?format=${path}&items=${items}&k=20`;
	const first = await fetch(rendering ? renderUrl : `${appOrigin}${path}`);
	const body = await first.arrayBuffer();
	// The ceiling answers with the app's own 200 and 304 for the path, captured here.
	if (ceilingKind) await registerWithCeiling(origin, path, await captureApp(`${appOrigin}${path}`));
	const etag = first.headers.get("etag") ?? "";
	const session = await devtools(target);
	await session.send("Profiler.enable");
	await session.send("Profiler.setSamplingInterval", { interval: 100 });
	await session.send("Profiler.start");
	const [result] = await measureInTurns(
		[
			rendering
				? { url: renderUrl, expectStatus: 200 }
				: kind === "uncached"
					? { url: `${origin}${path}`, uniquePaths: true, expectStatus: 200 }
					: kind === "304" || kind === "ceiling-304"
						? { url: `${origin}${path}`, headers: { "if-none-match": etag }, expectStatus: 304 }
						: { url: `${origin}${path}`, expectStatus: 200, bodyBytes: body.byteLength },
		],
		{ connections: rendering ? 1 : 10, seconds: 3, warmupSeconds: 0, rounds: 1 },
	);
	const { profile } = await session.send<{ profile: CpuProfile }>("Profiler.stop");
	session.close();
	const times = selfTimes(profile);
	const total = times.reduce((sum, entry) => sum + entry.ms, 0);
	console.log(
		`${kind} ${path} at ${articles} articles: ${result?.requestsPerSecond.toFixed(0)} req/s, p50 ${result?.p50.toFixed(2)} ms; ${result?.requests} requests`,
	);
	console.log(
		`self time by function (${total.toFixed(0)} ms sampled; ms per request = ms / ${result?.requests}):`,
	);
	for (const { name, ms } of times.slice(0, 25)) {
		console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
	}
} finally {
	await miniflare.dispose();
}
