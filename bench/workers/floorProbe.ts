// Bench-only Worker entry: times the hand-written floor serializers (see renderLoop.ts for the method). JSON Feed has
// no separate floor: renderJsonFeed is one JSON.stringify already (see bench/renderFloor.ts).
import { renderFloorAtom, renderFloorRss } from "../renderFloor.ts";
import { renderLoopWorker } from "./renderLoop.ts";

export default renderLoopWorker({ rss: renderFloorRss, atom: renderFloorAtom });
