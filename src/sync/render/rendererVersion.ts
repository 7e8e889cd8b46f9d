// The version of what validate/ and render/ make of one article file. The local render cache keys every cached
// result by it: bump it in the same commit as any change to how a file is checked or rendered (messages included).
// Library upgrades need no bump: the cache also keys by the versions of the libraries rendering uses.

export const RENDERER_VERSION = 1;

/** The npm packages whose code decides what a file renders to (or which errors it gets). */
export const RENDER_LIBRARIES = [
	"marked",
	"sanitize-html",
	"htmlparser2",
	"parse-srcset",
	"gray-matter",
	"yaml",
	"zod",
	"@sindresorhus/slugify",
	"uuid",
] as const;
