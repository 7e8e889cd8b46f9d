// The worker thread renderPool.ts starts: renders the article files it is sent with articleOutcome, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { localImagesOf } from "../validate/localImages.ts";
import { type ArticleFile, articleOutcome } from "./articleOutcome.ts";
import type { RenderJob, RenderSetup } from "./renderPool.ts";

const { site, productionBaseUrl, images } = workerData as RenderSetup;
const context = { site, productionBaseUrl, images: localImagesOf(images) };

parentPort?.on("message", async ({ id, file }: RenderJob & { file: ArticleFile }) => {
	parentPort?.postMessage({ id, ...(await articleOutcome(file, context)) });
});
