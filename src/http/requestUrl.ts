// The two parts of a request URL the routes use, without a full URL parse when there is no query (the hot path).

export interface RequestUrl {
	/** e.g. "https://feeds.example.com": where edge-cache keys live until a head names the site's origin. */
	origin: string;
	query: URLSearchParams;
}

const NO_QUERY = new URLSearchParams();

export function requestUrl(url: string): RequestUrl {
	// Request URLs in a Worker are absolute and normalised, so the origin ends at the first "/" after "scheme://".
	const pathStart = url.indexOf("/", url.indexOf("//") + 2);
	const origin = pathStart === -1 ? url : url.slice(0, pathStart);
	const queryStart = url.indexOf("?");
	if (queryStart === -1) return { origin, query: NO_QUERY };
	const hash = url.indexOf("#", queryStart);
	return { origin, query: new URLSearchParams(url.slice(queryStart + 1, hash === -1 ? undefined : hash)) };
}
