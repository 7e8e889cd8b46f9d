// Methods: the site is read-only, so anything but GET, HEAD and OPTIONS is a 405 naming what is allowed.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { collection } from "../support/articles.ts";
import { publish } from "./support/publish.ts";

const SYNCED_AT = Date.parse("2023-09-01T00:00:00Z");

beforeAll(async () => {
	await publish(collection(), SYNCED_AT);
});

describe("methods", () => {
	for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
		for (const path of ["/rss.xml", "/tags/xa-hoi/atom.xml", "/", "/no-such-path"]) {
			it(`answers ${method} ${path} with 405 and Allow`, async () => {
				const response = await exports.default.fetch(
					new Request(`http://localhost${path}`, { method, body: "x" }),
				);
				expect(response.status).toBe(405);
				expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
				expect(response.headers.get("Cache-Control")).toBe("no-store");
				expect(await response.text()).toMatch(/GET, HEAD and OPTIONS/);
			});
		}
	}

	it("still answers an unknown path with GET as a 404", async () => {
		const response = await exports.default.fetch("http://localhost/no-such-path");
		expect(response.status).toBe(404);
	});
});
