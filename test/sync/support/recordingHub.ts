// A real HTTP server on 127.0.0.1 standing in for a WebSub hub: records every request and answers as told.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface HubRequest {
	method: string;
	contentType: string | undefined;
	/** The form fields, decoded. */
	form: Record<string, string>;
	/** Raw count of `hub.url` fields, so a repeated field cannot hide behind `form`. */
	urlFields: number;
	/** What `observe` returned while the request was being handled (e.g. what KV's head named at that moment). */
	observed: unknown;
	receivedAt: number;
}

export interface RecordingHub {
	/** The hub URL to put in site.yaml. */
	url: string;
	requests: HubRequest[];
	/** Most requests in flight at one moment. */
	maxInFlight(): number;
	close(): Promise<void>;
}

export interface HubBehaviour {
	/** Status to answer with (default 202, what hubs answer a publish ping with). */
	status?: number;
	/** Never answer (to exercise the ping timeout). */
	hang?: boolean;
	/** Answer after this long, so concurrent pings overlap. */
	delayMs?: number;
	observe?: () => Promise<unknown>;
}

export async function recordingHub(behaviour: HubBehaviour = {}): Promise<RecordingHub> {
	const requests: HubRequest[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const server = createServer(async (request, response) => {
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		const receivedAt = Date.now();
		const body = await readBody(request);
		const params = new URLSearchParams(body);
		requests.push({
			method: request.method ?? "",
			contentType: request.headers["content-type"],
			form: Object.fromEntries(params),
			urlFields: params.getAll("hub.url").length,
			observed: behaviour.observe ? await behaviour.observe() : undefined,
			receivedAt,
		});
		if (behaviour.hang) return;
		if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
		inFlight--;
		response.writeHead(behaviour.status ?? 202).end();
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hub`,
		requests,
		maxInFlight: () => maxInFlight,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** A loopback URL nothing listens on: a port the OS just handed out and took back. */
export async function refusingHubUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}/hub`;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}
