// The Fastify server of ../fastify-autoload in TypeScript: dynohot strips the types of main.ts
// and of the routes @fastify/autoload imports (which needs FASTIFY_AUTOLOAD_TYPESCRIPT=1 where
// Node itself does not strip types).
import autoload from "@fastify/autoload";
import Fastify, { type FastifyInstance } from "fastify";
import { fileURLToPath } from "node:url";

const app: FastifyInstance = Fastify();
await app.register(autoload, { dir: fileURLToPath(new URL("routes", import.meta.url)) });
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log("listening");

import.meta.hot?.accept();
import.meta.hot?.dispose(() => app.close());
