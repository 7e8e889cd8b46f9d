// Guids: an absolute-URI id is its own guid; otherwise a name-based UUIDv5 under the production base URL.
import { describe, expect, it } from "vitest";
import { articleGuid } from "../../../src/sync/validate/articleGuid.ts";

describe("articleGuid", () => {
	it("is urn:uuid: + UUIDv5(URL namespace, production base URL + / + id)", () => {
		// Expected values from Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://news.example.org/bai").
		expect(articleGuid("bai", "https://news.example.org")).toBe(
			"urn:uuid:3ed9b43e-1fa8-55b6-8b74-623d92bf391b",
		);
		expect(
			articleGuid("phoi-hop-dan-van-tuyen-giao-khoi-cac-co-quan-tinh", "https://edgefeed.example.com"),
		).toBe("urn:uuid:c87bb7df-80eb-5a8e-ba48-b3c516935fec");
	});
	it("uses an id that is already an absolute URI as it is", () => {
		expect(articleGuid("tag:baonghean.vn,2023:12345", "https://x.example")).toBe(
			"tag:baonghean.vn,2023:12345",
		);
		expect(articleGuid("https://baonghean.vn/a-1.html", "https://x.example")).toBe(
			"https://baonghean.vn/a-1.html",
		);
	});
});
