// Page numbers in routed paths (archive and directory pages): one parse, one 404 for anything else.
import { notFoundCacheControl } from "../http/cachePolicy.ts";
import { notFound } from "../http/responses.ts";
import { parsePageNumber } from "../urls/urlScheme.ts";
import type { ViewRuntime } from "./viewRuntime.ts";

/** Serves page `segment` names, or a 404 when the segment is not a page number in its one written form. */
export function servePageNumber(
	runtime: ViewRuntime,
	segment: string,
	serve: (page: number) => Promise<Response> | Response,
): Promise<Response> | Response {
	const page = parsePageNumber(segment);
	return page === undefined ? notFound(notFoundCacheControl(runtime.now())) : serve(page);
}
