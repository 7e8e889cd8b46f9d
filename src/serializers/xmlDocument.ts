// What the RSS and Atom documents share: the namespaces they declare and the generator they name.

/** The <generator> of RSS and Atom. */
export const GENERATOR = "edgefeed";

export const NAMESPACES = {
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
	/** RFC 5005 feed history: <fh:archive/> marks an archive document. */
	fh: "http://purl.org/syndication/history/1.0",
	media: "http://search.yahoo.com/mrss/",
} as const;

/** The fh namespace declaration (with its leading space) for an archive document, else nothing: only archive
 * documents carry <fh:archive/>, so current feeds declare no namespace they do not use. */
export const fhDeclaration = (archive: boolean | undefined): string =>
	archive ? ` xmlns:fh="${NAMESPACES.fh}"` : "";
