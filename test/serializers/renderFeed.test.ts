// renderFeed and MEDIA_TYPES: one entry point per format, served with its registered media type and a charset.
import { describe, expect, it } from "vitest";
import { MEDIA_TYPES, renderFeed } from "../../src/serializers/index.ts";
import { sampleModel } from "../support/feedFixtures.ts";
import { checkAtom, checkJsonFeed11, checkRss2 } from "../support/feedValidators.ts";

describe("renderFeed", () => {
	const model = sampleModel();

	it("renders each format with its own serializer", () => {
		expect(checkRss2(renderFeed("rss", model))).toEqual([]);
		expect(checkAtom(renderFeed("atom", model))).toEqual([]);
		expect(checkJsonFeed11(renderFeed("json", model))).toEqual([]);
	});

	it("names the media type of each format, with charset=utf-8", () => {
		expect(MEDIA_TYPES).toEqual({
			rss: "application/rss+xml; charset=utf-8",
			atom: "application/atom+xml; charset=utf-8",
			json: "application/feed+json; charset=utf-8",
		});
	});
});
