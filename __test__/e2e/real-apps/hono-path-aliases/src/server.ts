// A Hono server on @hono/node-server, written for a bundler's resolution: `./app` is src/app.ts,
// `@/routes` is src/routes/index.ts and `@/lib/greet` is src/lib/greet.ts.
import { serve } from "@hono/node-server";
import { app } from "./app";

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" }, () => {
	console.log("listening");
});

import.meta.hot?.accept();
import.meta.hot?.dispose(() => new Promise<void>(resolve => {
	server.close(() => resolve());
}));
