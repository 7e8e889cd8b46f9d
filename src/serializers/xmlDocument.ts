// What the RSS and Atom documents share: the namespaces they declare and the generator they name.

/** The <generator> of RSS and Atom. */
export const GENERATOR = "edgefeed";

export const NAMESPACES = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	media: "http://search.yahoo.com/mrss/",
} as const;
