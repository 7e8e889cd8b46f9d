// One entry point for the routes: render a feed model in any format, and the media type to serve it with.
import type { FeedFormat } from "../domain/model.ts";
import type { FeedModel } from "../feed/feedModel.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./jsonFeed.ts";
import { renderRss } from "./rss.ts";

export { MEDIA_TYPES } from "./mediaTypes.ts";
export { renderAtom, renderJsonFeed, renderRss };

const RENDERERS: Readonly<Record<FeedFormat, (model: FeedModel) => string>> = {
	rss: renderRss,
	atom: renderAtom,
	json: renderJsonFeed,
};

/** Renders the model in the given format. */
export function renderFeed(format: FeedFormat, model: FeedModel): string {
	return RENDERERS[format](model);
}
