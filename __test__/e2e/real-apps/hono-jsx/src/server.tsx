// A Hono server on @hono/node-server that renders its pages with hono/jsx components (.tsx).
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Greeting } from "./pages/greeting.js";

const app = new Hono();
app.get("/hello/:name", c => c.html(<Greeting name={c.req.param("name")} />));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" }, () => {
	console.log("listening");
});

import.meta.hot?.accept();
import.meta.hot?.dispose(() => new Promise<void>(resolve => {
	server.close(() => resolve());
}));
