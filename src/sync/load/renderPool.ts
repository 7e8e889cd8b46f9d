// Renders article files on every core: a few worker threads, each running articleOutcome (load/renderThread.ts).
// The first files of a run render in this thread, so a sync that renders a handful starts no thread at all; from
// THREADS_AFTER renders on, the rest go to the threads. Outcomes are the same wherever a file renders: they depend
// only on the file and the run's settings, which every thread is given.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SiteSettings } from "../../domain/model.ts";
import type { ImageListing, LocalImages } from "../validate/localImages.ts";
import { type ArticleFile, articleOutcome } from "./articleOutcome.ts";

export interface RenderSetup {
	site: SiteSettings;
	productionBaseUrl: string;
	images: ImageListing;
}

export interface RenderJob {
	id: number;
}

type Rendered = Awaited<ReturnType<typeof articleOutcome>>;

export interface RenderPool {
	/** The file's outcome (articleOutcome's: never rejects). */
	render(file: ArticleFile): Promise<Rendered>;
	/** Stops the threads. */
	close(): Promise<void>;
}

/** Renders before threads start: each thread costs ~0.3 s of start-up (loading the renderer's libraries). */
const THREADS_AFTER = 32;
const MAX_THREADS = 4;
/** V8's default stack on 64-bit, the main thread's: a body that nests too deeply for one fails in the other too. */
const STACK_MB = 984 / 1024;

export function renderPool(
	setup: Omit<RenderSetup, "images"> & { images: LocalImages },
	threads = Math.min(MAX_THREADS, availableParallelism()),
): RenderPool {
	const context = { site: setup.site, productionBaseUrl: setup.productionBaseUrl, images: setup.images };
	const workerData: RenderSetup = { ...context, images: setup.images.found };
	const pending = new Map<number, { file: ArticleFile; resolve: (rendered: Rendered) => void }>();
	const workers: { worker: Worker; jobs: Set<number> }[] = [];
	let nextId = 0;
	let renders = 0;

	/** A thread that fails hands its files back to this thread: a broken thread never fails a file. */
	const start = (): void => {
		for (let i = 0; i < threads; i++) {
			const worker = new Worker(new URL("./renderThread.ts", import.meta.url), {
				workerData,
				resourceLimits: { stackSizeMb: STACK_MB },
			});
			const slot = { worker, jobs: new Set<number>() };
			worker.unref();
			worker.on("message", ({ id, ...rendered }: RenderJob & Rendered) => {
				const job = pending.get(id);
				pending.delete(id);
				slot.jobs.delete(id);
				job?.resolve(rendered);
			});
			const fail = (): void => {
				const at = workers.indexOf(slot);
				if (at >= 0) workers.splice(at, 1);
				for (const id of slot.jobs) {
					const job = pending.get(id);
					pending.delete(id);
					if (job) articleOutcome(job.file, context).then(job.resolve);
				}
				slot.jobs.clear();
				void worker.terminate();
			};
			worker.on("error", fail);
			worker.on("exit", fail);
			workers.push(slot);
		}
	};

	return {
		render(file) {
			renders++;
			if (renders === THREADS_AFTER + 1 && threads > 1) start();
			const slot = workers.reduce<(typeof workers)[number] | undefined>(
				(best, candidate) => (best === undefined || candidate.jobs.size < best.jobs.size ? candidate : best),
				undefined,
			);
			if (!slot) return articleOutcome(file, context);
			const id = nextId++;
			slot.jobs.add(id);
			return new Promise((resolve) => {
				pending.set(id, { file, resolve });
				slot.worker.postMessage({ id, file });
			});
		},
		async close() {
			const stopping = workers.splice(0).map(({ worker }) => {
				worker.removeAllListeners("exit");
				return worker.terminate();
			});
			await Promise.all(stopping);
		},
	};
}
