// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
	import type { EventEmitter } from "node:events";

	interface AutocannonRequest {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
	}

	interface AutocannonOptions {
		url: string;
		connections?: number;
		pipelining?: number;
		duration?: number;
		timeout?: number;
		headers?: Record<string, string>;
		requests?: AutocannonRequest[];
	}

	interface AutocannonResult {
		duration: number;
		errors: number;
		timeouts: number;
		statusCodeStats: Record<string, { count: number }>;
		requests: { total: number; average: number };
	}

	interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
		on(
			event: "response",
			listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
		): this;
	}

	function autocannon(options: AutocannonOptions): AutocannonInstance;
	export default autocannon;
}
