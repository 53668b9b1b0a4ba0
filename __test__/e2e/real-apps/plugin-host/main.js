// A plugin host: plugins are loaded with `import()` by name when a request asks for them (files
// created after start-up included); settings come from a JSON import behind a `#` subpath import.
// It also reads what a command-line tool reads at start-up: its own package.json, its location
// through import.meta, and a CommonJS helper through createRequire.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import manifest from "./package.json" with { type: "json" };
import { settings } from "#settings";

const require = createRequire(import.meta.url);
const { banner } = require("./banner.cjs");
const relative = url => path.relative(process.cwd(), fileURLToPath(url));

console.log(banner(manifest.name, manifest.version));
console.log(`module ${relative(import.meta.url)}, dirname is cwd: ${import.meta.dirname === process.cwd()}`);
console.log(`resolves ${relative(import.meta.resolve("./plugins/a.js"))} and ${relative(import.meta.resolve("#settings"))}`);

async function handle(request, response) {
	const [ , action = "", name = "" ] = (request.url ?? "/").split("/");
	if (action === "run") {
		const plugin = await import(`./plugins/${name}.js`);
		response.end(plugin.run(settings));
	} else if (action === "quit") {
		response.end("bye");
		server.close();
		process.exitCode = 7;
	} else {
		response.statusCode = 404;
		response.end();
	}
}

const server = createServer((request, response) => {
	handle(request, response).catch(error => {
		response.statusCode = 500;
		response.end(String(error));
	});
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));

import.meta.hot?.accept("#settings", () => console.log(`settings now ${JSON.stringify(settings)}`));
