// The import graph of src/ runs one way: each module imports only its own folder and the layers below it, the
// Worker never imports the sync CLI, and the CLI reaches the Worker's code only through the shared leaf modules.
// The layer order is the data below; README "Data flow" draws the same picture.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The Worker, bottom layer first. A module may import its own unit and any unit of a lower layer. */
const WORKER_LAYERS: readonly (readonly string[])[] = [
	["src/domain"],
	["src/text", "src/util"],
	["src/urls"],
	["src/store"],
	["src/feed"],
	["src/serializers"],
	["src/http"],
	["src/stats"],
	["src/pages"],
	["src/routes"],
	["src/index.ts"],
];

/** The sync CLI, bottom layer first: the stages in the data's order, then what runs them. */
const SYNC_LAYERS: readonly (readonly string[])[] = [
	["src/sync/shared"],
	["src/sync/validate"],
	["src/sync/render"],
	["src/sync/publish"],
	["src/sync/load"],
	["src/sync/loadContent.ts", "src/sync/progressDisplay.ts", "src/sync/endOnSignals.ts"],
	["src/sync/syncContent.ts"],
	["src/sync/cli.ts"],
];

/** What the sync CLI may import from outside src/sync: modules that import nothing of the Worker's own layers. */
const SHARED_WITH_SYNC: readonly string[] = [
	"src/domain",
	"src/text",
	"src/util",
	"src/urls",
	"src/store/kvLayout.ts",
	"src/store/storedEntries.ts",
];

const IMPORT =
	/\b(?:import|export)\s+(?:type\s+)?(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.posix.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(file);
		// Declaration files import nothing: they describe what the runtime provides.
		return file.endsWith(".ts") && !file.endsWith(".d.ts") ? [file] : [];
	});
}

/** Each relative import of `file`, resolved to a path from the repository root. */
function relativeImports(file: string): string[] {
	const source = readFileSync(file, "utf8");
	return [...source.matchAll(IMPORT)]
		.map((match) => match[1] ?? match[2] ?? "")
		.filter((specifier) => specifier.startsWith("."))
		.map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
}

const within = (file: string, unit: string): boolean => file === unit || file.startsWith(`${unit}/`);

/** The most specific unit of `layers` holding `file`, with its layer's index. */
function placeOf(
	file: string,
	layers: readonly (readonly string[])[],
): { unit: string; layer: number } | undefined {
	let best: { unit: string; layer: number } | undefined;
	layers.forEach((units, layer) => {
		for (const unit of units)
			if (within(file, unit) && (!best || unit.length > best.unit.length)) best = { unit, layer };
	});
	return best;
}

const layerNames = (layers: readonly (readonly string[])[]): string =>
	layers.map((units) => units.join(" | ")).join(" < ");

const layersOf = (file: string) => (within(file, "src/sync") ? SYNC_LAYERS : WORKER_LAYERS);

/** Why the import `file -> target` breaks the rules, or undefined when it keeps them. */
function wrongArrow(file: string, target: string): string | undefined {
	const isSync = within(file, "src/sync");
	const targetIsSync = within(target, "src/sync");
	const arrow = `${file} -> ${target}`;
	if (!isSync && targetIsSync) return `${arrow}: the Worker never imports the sync CLI`;
	if (isSync && !targetIsSync)
		return SHARED_WITH_SYNC.some((unit) => within(target, unit))
			? undefined
			: `${arrow}: sync imports only shared leaf modules (${SHARED_WITH_SYNC.join(", ")})`;
	const layers = layersOf(file);
	const from = placeOf(file, layers);
	const to = placeOf(target, layers);
	if (!from || !to) return `${arrow}: ${from ? target : file} belongs to no layer`;
	if (to.unit === from.unit || to.layer < from.layer) return undefined;
	const where = to.layer === from.layer ? "beside" : "above";
	return `${arrow}: ${from.unit} may import only lower layers, and ${to.unit} is ${where} it (${layerNames(layers)})`;
}

/** Every import in src/ that breaks the rules, and every module no layer holds. */
function wrongArrows(): string[] {
	return sourceFiles("src").flatMap((file) => {
		if (!placeOf(file, layersOf(file)))
			return [`${file} belongs to no layer: add its folder to the layers above`];
		return relativeImports(file).flatMap((target) => wrongArrow(file, target) ?? []);
	});
}

describe("import layers", () => {
	it("point every arrow downwards", () => {
		expect(wrongArrows()).toEqual([]);
	});

	it("name the arrow, the rule and the layer order when one points the wrong way", () => {
		expect(wrongArrow("src/store/articleStore.ts", "src/http/cachePolicy.ts")).toMatch(
			/^src\/store\/articleStore.ts -> src\/http\/cachePolicy.ts: src\/store may import only lower layers, and src\/http is above it \(src\/domain < .* < src\/index.ts\)$/,
		);
		expect(wrongArrow("src/sync/validate/frontMatter.ts", "src/sync/render/renderMarkdown.ts")).toContain(
			"src/sync/render is above it",
		);
		expect(wrongArrow("src/text/safeText.ts", "src/util/lruMemo.ts")).toContain("src/util is beside it");
		expect(wrongArrow("src/routes/feedRoutes.ts", "src/sync/loadContent.ts")).toContain(
			"never imports the sync CLI",
		);
		expect(wrongArrow("src/sync/publish/notifyHub.ts", "src/feed/buildFeedModel.ts")).toContain(
			"sync imports only shared leaf modules",
		);
		expect(wrongArrow("src/routes/feedRoutes.ts", "src/store/selectEntries.ts")).toBeUndefined();
	});

	it("see every import form the source uses", () => {
		expect(relativeImports("src/index.ts").length).toBeGreaterThan(5);
		expect(relativeImports("src/pages/defaultFavicon.ts")).toEqual([]);
	});
});
