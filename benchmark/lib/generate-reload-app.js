// The app of the memory benchmark: main.js accepts updates of reloaded.js (lib/reloaded-module.js),
// which the benchmark saves again and again. In the accept callback the app prints
// `bench-updated <revision>` on stdout: the one line every tool (ours, upstream dynohot, Vite's
// module runner) reaches the same way, so all are timed alike from the save to it. On "rss" from
// stdin the app forces garbage collection (it runs with --expose-gc), in the hooks thread too when
// the tool has one, and prints its resident set size, the V8 heap use of each of the two threads,
// memory held outside the heap for JavaScript objects (external), and the size of V8's young
// generation (which the benchmark fixes at its maximum; printed to show that it stayed there).

import * as fs from "node:fs";
import * as path from "node:path";
import { functionCountFor, reloadedModuleText } from "./reloaded-module.js";

// The hooks thread (`module.register`) has a V8 heap of its own, which the app's gc() does not
// collect; left alone, its cycles of growth and collection add megabytes of noise to RSS. Where
// the tool runs its hooks there (BENCH_HOOKS_THREAD: "always", or "unless-registerHooks" for a
// tool that uses in-thread hooks where Node has them), the app registers a hooks module of its
// own, with no hooks, whose `initialize` collects garbage in that thread on request and answers
// with that heap's use. Hooks registered by several callers share the one thread.
const HOOKS_THREAD_COLLECTOR = `export function initialize({ port }) {
	port.on("message", () => {
		globalThis.gc();
		globalThis.gc();
		port.postMessage(process.memoryUsage().heapUsed);
	});
}`;

// Keeps the latest namespace and calls into it, as an app that uses the module would; the
// replaced versions are left to the tool to release.
const MAIN = `import * as nodeModule from "node:module";
import { getHeapSpaceStatistics } from "node:v8";
import { MessageChannel } from "node:worker_threads";
import * as initial from "./reloaded.js";

let latest = initial;
import.meta.hot.accept("./reloaded.js", reloaded => {
	latest = reloaded;
	process.stdout.write(\`bench-updated \${latest.revision} \${latest.fn1(1, 1)}\\n\`);
});

const hooksThreadMode = process.env.BENCH_HOOKS_THREAD;
const hooksThreadPort = hooksThreadMode === "always" || (hooksThreadMode === "unless-registerHooks" && nodeModule.registerHooks === undefined) ? connectHooksThread() : undefined;
function connectHooksThread() {
	const { port1, port2 } = new MessageChannel();
	nodeModule.register(\`data:text/javascript,\${encodeURIComponent(${JSON.stringify(HOOKS_THREAD_COLLECTOR)})}\`, { data: { port: port2 }, transferList: [port2] });
	port1.unref();
	return port1;
}
/** Collects garbage in the hooks thread, if the tool has one; resolves with its heap use. */
function collectHooksThread() {
	return new Promise(resolve => {
		if (hooksThreadPort === undefined) {
			resolve(0);
			return;
		}
		hooksThreadPort.once("message", resolve);
		hooksThreadPort.postMessage("gc");
	});
}

process.stdin.setEncoding("utf8");
process.stdin.on("data", async chunk => {
	if (chunk.includes("rss")) {
		globalThis.gc();
		globalThis.gc();
		const hooksThreadHeapUsed = await collectHooksThread();
		const { rss, heapUsed, external } = process.memoryUsage();
		const newSpace = getHeapSpaceStatistics().find(space => space.space_name === "new_space")?.space_size ?? 0;
		process.stdout.write(\`bench-rss \${JSON.stringify({ rss, heapUsed, hooksThreadHeapUsed, external, newSpace })}\\n\`);
	}
});
process.stdout.write(\`bench-ready \${latest.revision}\\n\`);
`;

/**
 * Writes the app, with reloaded.js at revision 0 and at least `moduleBytes` bytes, into `root`
 * (emptied first, so that no cache of an earlier run is found there).
 */
export function generateReloadApp(root, moduleBytes) {
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	const functionCount = functionCountFor(moduleBytes);
	fs.writeFileSync(path.join(root, "package.json"), `${JSON.stringify({ name: "bench-reload-app", private: true, type: "module" }, null, "\t")}\n`);
	fs.writeFileSync(path.join(root, "main.js"), MAIN);
	fs.writeFileSync(path.join(root, "reloaded.js"), reloadedModuleText(functionCount, 0));
	return { reloadedFile: path.join(root, "reloaded.js"), functionCount };
}
