// A Fastify 5 server written for tsc's NodeNext resolution: `./app.js` is src/app.ts, and the
// routes @fastify/autoload loads import their helpers as `.js` too.
import { buildApp } from "./app.js";

const app = await buildApp();
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log("listening");

import.meta.hot?.accept();
import.meta.hot?.dispose(() => app.close());
