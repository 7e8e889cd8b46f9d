// Wires the edgefeed app: routes and middleware only, no logic of its own.
import { Hono } from "hono";

const app = new Hono<{ Bindings: Env }>();
app.get("/", (c) => c.text("edgefeed"));
export default app;
