// The HTTP Link header of a feed (RFC 8288): WebSub discovery (W3C WebSub §4), which subscribers check before the body.

/** `<hub>; rel="hub", <self>; rel="self"`, or only the self link without a hub. URLs are ASCII (safeUrl). */
export function feedLinkHeader(self: string, hub: string | undefined): string {
	const selfLink = `<${self}>; rel="self"`;
	return hub === undefined ? selfLink : `<${hub}>; rel="hub", ${selfLink}`;
}
