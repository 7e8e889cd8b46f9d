// The last word on failures: a plain 503 when KV cannot be read, a plain 500 otherwise, never a stack trace.
import type { ErrorHandler } from "hono";
import { NothingPublishedError, StoreUnavailableError } from "../store/articleStore.ts";
import { internalError, serviceUnavailable } from "./responses.ts";

export function errorHandler(): ErrorHandler {
	return function errorHandler(error) {
		if (error instanceof NothingPublishedError)
			return serviceUnavailable("Nothing has been published yet. Retry later.");
		if (error instanceof StoreUnavailableError) {
			console.error("edgefeed: article store unavailable:", error.message, error.cause);
			return serviceUnavailable("The article store cannot be read right now. Retry later.");
		}
		console.error("edgefeed: unexpected error:", error);
		return internalError();
	};
}
