// Runs around every Node test file (vitest.config.ts setupFiles). Workers are reused across files, so whatever a
// file opens or changes globally is undone here, and no file sees another's clock or resources.
import { afterAll, afterEach, vi } from "vitest";
import { closeFileResources } from "./fileResources.ts";

afterEach(() => {
	vi.useRealTimers();
});

afterAll(closeFileResources);
