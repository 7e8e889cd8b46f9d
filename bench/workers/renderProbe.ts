// Bench-only Worker entry: times the real serializers (see renderLoop.ts for the method).
import { renderAtom, renderJsonFeed, renderRss } from "../../src/serializers/index.ts";
import { renderLoopWorker } from "./renderLoop.ts";

export default renderLoopWorker({ rss: renderRss, atom: renderAtom, json: renderJsonFeed });
