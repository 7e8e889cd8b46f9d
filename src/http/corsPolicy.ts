// CORS for every response: feeds are public, so any origin may read them and their validators.
import { cors } from "hono/cors";

export function corsPolicy() {
	return cors({
		origin: "*",
		allowMethods: ["GET", "HEAD", "OPTIONS"],
		// Browser pollers need these to revalidate.
		exposeHeaders: ["ETag", "Last-Modified"],
		maxAge: 86_400,
	});
}
