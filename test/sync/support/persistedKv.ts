// Opens local KV state that wrangler wrote under --persist-to, the way `wrangler dev` opens it.
import path from "node:path";
import { type MiniflareKv, miniflareKv } from "./miniflareKv.ts";

/** Runs `use` with the state in `persistTo`, closing it afterwards so wrangler can write again. */
export async function withPersistedKv<T>(
	persistTo: string,
	use: (kv: MiniflareKv) => Promise<T>,
): Promise<T> {
	const local = await miniflareKv(path.join(persistTo, "v3"));
	try {
		return await use(local);
	} finally {
		await local.dispose();
	}
}
