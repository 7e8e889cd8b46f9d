// Checks a request's access token (Authorization: Bearer, or ?token=) against a secret, in constant time.

const encoder = new TextEncoder();

/** The token a request presents, if any. */
export function presentedToken(request: Request, query: URLSearchParams): string | undefined {
	const authorization = request.headers.get("authorization");
	const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
	return bearer ?? query.get("token") ?? undefined;
}

/** Compares digests, so neither the content nor the length of the secret shows in the time taken. */
export async function tokenMatches(presented: string, secret: string): Promise<boolean> {
	const [a, b] = await Promise.all([
		crypto.subtle.digest("SHA-256", encoder.encode(presented)),
		crypto.subtle.digest("SHA-256", encoder.encode(secret)),
	]);
	return crypto.subtle.timingSafeEqual(a, b);
}
