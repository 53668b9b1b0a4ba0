// A Fastify server whose routes @fastify/autoload loads from ./routes: route edits, new route
// files and removed ones are served without a restart (the package's import() of each file
// happens while this module is being evaluated, so the files are its dependencies).
import autoload from "@fastify/autoload";
import Fastify from "fastify";
import { fileURLToPath } from "node:url";

const app = Fastify();
await app.register(autoload, { dir: fileURLToPath(new URL("routes", import.meta.url)) });
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log("listening");

import.meta.hot?.accept();
import.meta.hot?.dispose(() => app.close());
