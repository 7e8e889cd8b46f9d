// The few Node modules the Worker uses, as workerd provides them under wrangler.toml's nodejs_compat flag. Declared
// here, narrowly, because the Worker's types are Cloudflare's alone (src/tsconfig.json): Node's full types would let
// code use what workerd does not have.

declare module "node:crypto" {
	interface Hash {
		update(data: string | Uint8Array, inputEncoding?: "utf8"): Hash;
		digest(encoding: "base64" | "base64url" | "hex"): string;
	}
	export function createHash(algorithm: "sha256"): Hash;
}
