// Feed validation for tests, in one import: strict XML parsing, RFC 4287's schema, and RSS 2.0, Atom 1.0 and
// JSON Feed 1.1 rule checks. Each checker returns a list of error messages: empty means valid.
export { validateAtomSchema, validateAtomSchemas } from "./atomSchema.ts";
export { checkAtom } from "./checkAtom.ts";
export { checkJsonFeed11 } from "./checkJsonFeed11.ts";
export { checkRss2 } from "./checkRss2.ts";
export { childNamed, childrenNamed, parseXmlStrict, type XmlElement } from "./xmlTree.ts";
