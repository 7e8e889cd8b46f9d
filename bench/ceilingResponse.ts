// Gives the ceiling Worker the app's own response for a feed: captures the app's 200 and 304 as they go over the
// wire (status, header names as spelled, values, order, body), registers them with the ceiling, and checks that the
// ceiling then answers byte for byte the same, so a ratio compares the app with a constant of its exact response.
import { request } from "node:http";
import { CEILING_HEADERS, type CeilingHeaders } from "./ceilingProtocol.ts";

export interface WireResponse {
	status: number;
	/** Name/value pairs exactly as received. */
	headers: [string, string][];
	body: Buffer;
}

/** One GET on a fresh connection, read raw (node:http keeps header spelling and order in rawHeaders). */
export function wireResponse(url: string, headers: Record<string, string> = {}): Promise<WireResponse> {
	return new Promise((resolve, reject) => {
		const sent = request(url, { headers, agent: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on("data", (chunk: Buffer) => chunks.push(chunk));
			response.on("error", reject);
			response.on("end", () => {
				const pairs: [string, string][] = [];
				for (let i = 0; i < response.rawHeaders.length; i += 2)
					pairs.push([response.rawHeaders[i] ?? "", response.rawHeaders[i + 1] ?? ""]);
				resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
			});
		});
		sent.on("error", reject);
		sent.end();
	});
}

/** What node:http's agentless request adds on its own: not part of the Worker's response. */
const CONNECTION = /^connection$/i;
const ownHeaders = (response: WireResponse): [string, string][] =>
	response.headers.filter(([name]) => !CONNECTION.test(name));

function sameResponse(app: WireResponse, ceiling: WireResponse): boolean {
	return (
		app.status === ceiling.status &&
		JSON.stringify(ownHeaders(app)) === JSON.stringify(ownHeaders(ceiling)) &&
		app.body.equals(ceiling.body)
	);
}

export interface AppResponses {
	ok: WireResponse;
	notModified: WireResponse;
	etag: string;
}

/** The app's 200 for `url` and its 304 for the ETag that 200 carried. */
export async function captureApp(url: string, headers: Record<string, string> = {}): Promise<AppResponses> {
	const ok = await wireResponse(url, headers);
	if (ok.status !== 200) throw new Error(`${url}: expected 200, got ${ok.status}`);
	const etag = ok.headers.find(([name]) => name.toLowerCase() === "etag")?.[1];
	if (!etag) throw new Error(`${url}: no ETag, so there is nothing to revalidate with`);
	const notModified = await wireResponse(url, { ...headers, "if-none-match": etag });
	if (notModified.status !== 304)
		throw new Error(`${url}: expected 304 for its own ETag, got ${notModified.status}`);
	return { ok, notModified, etag };
}

/** Registers the app's responses for `path` with the ceiling and checks the ceiling now sends exactly them. */
export async function registerWithCeiling(ceiling: string, path: string, app: AppResponses): Promise<void> {
	const lists: CeilingHeaders = { ok: ownHeaders(app.ok), notModified: ownHeaders(app.notModified) };
	const put = await fetch(`${ceiling}${path}`, {
		method: "PUT",
		body: app.ok.body,
		headers: { [CEILING_HEADERS]: JSON.stringify(lists) },
	});
	await put.arrayBuffer();
	if (put.status !== 204) throw new Error(`the ceiling did not take the response for ${path}: ${put.status}`);
	const ok = await wireResponse(`${ceiling}${path}`);
	const notModified = await wireResponse(`${ceiling}${path}`, { "if-none-match": app.etag });
	if (!sameResponse(app.ok, ok) || !sameResponse(app.notModified, notModified))
		throw new Error(
			`the ceiling's response for ${path} differs from the app's:\n${JSON.stringify({ app: [app.ok.headers, app.notModified.headers], ceiling: [ok.headers, notModified.headers] })}`,
		);
}
