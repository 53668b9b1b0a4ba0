// Runs an app under Vite's module runner with HMR, the peer baseline of the memory benchmark:
// `node vite-module-runner.js main.js` in the app's folder. A Vite dev server in middleware mode
// (no HTTP server, no browser websocket) watches the folder; its SSR environment transforms the
// modules and sends updates over its in-process hot channel to a runner made by
// `createServerModuleRunner`, which evaluates them and calls `import.meta.hot.accept` callbacks.
//
// Source maps: by default the runner turns on Node's own source map support
// (`process.setSourceMapsEnabled(true)`) in every process. Here it does so only when the process
// was started with `--enable-source-maps`, so that the rows without that flag run without source
// maps, like those of the other tools.

import * as path from "node:path";
import { createServer, createServerModuleRunner } from "vite";

const entry = process.argv[2];
if (entry === undefined) {
	throw new Error("usage: node vite-module-runner.js <entry module>");
}
const server = await createServer({
	configFile: false,
	root: process.cwd(),
	appType: "custom",
	logLevel: "warn",
	clearScreen: false,
	server: { middlewareMode: true, ws: false },
	// Nothing is bundled in advance: the app imports only its own modules and node: builtins.
	optimizeDeps: { noDiscovery: true, include: [] },
});
const runner = createServerModuleRunner(server.environments.ssr, {
	sourcemapInterceptor: process.sourceMapsEnabled ? "node" : false,
});
await runner.import(path.resolve(entry));
