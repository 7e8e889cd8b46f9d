// The User-Agent table: every documented string is read as the service, crawler or poller it is.
import { describe, expect, it } from "vitest";
import { classifyUserAgent } from "../../src/stats/userAgents.ts";
import { USER_AGENT_SAMPLES } from "./userAgentSamples.ts";

describe("classifyUserAgent", () => {
	it.each(USER_AGENT_SAMPLES.map((sample) => [sample.userAgent, sample]))("%s", (_ua, sample) => {
		expect(sample.source).not.toBe("");
		expect(classifyUserAgent(sample.userAgent)).toEqual(sample.expected);
	});

	it("takes the count only from the subscriber clause, never from version numbers", () => {
		expect(
			classifyUserAgent("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; )"),
		).toMatchObject({
			subscribers: 12,
		});
	});
});
