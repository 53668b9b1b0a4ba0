// The app of the memory benchmark: main.js accepts updates of reloaded.js (lib/reloaded-module.js),
// which the benchmark saves again and again. In the accept callback the app prints
// `bench-updated <revision>` on stdout: the one line every tool (ours, upstream dynohot, Vite's
// module runner) reaches the same way, so all are timed alike from the save to it. On "rss" from
// stdin the app forces garbage collection (it runs with --expose-gc) and prints its resident set
// size, V8 heap use, memory held outside the heap for JavaScript objects (external), and the size
// V8 reserved for its young generation (which it grows with what survives garbage collections:
// RSS that is not a leak).

import * as fs from "node:fs";
import * as path from "node:path";
import { functionCountFor, reloadedModuleText } from "./reloaded-module.js";

// Keeps the latest namespace and calls into it, as an app that uses the module would; the
// replaced versions are left to the tool to release.
const MAIN = `import { getHeapSpaceStatistics } from "node:v8";
import * as initial from "./reloaded.js";

let latest = initial;
import.meta.hot.accept("./reloaded.js", reloaded => {
	latest = reloaded;
	process.stdout.write(\`bench-updated \${latest.revision} \${latest.fn1(1, 1)}\\n\`);
});

process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => {
	if (chunk.includes("rss")) {
		globalThis.gc();
		globalThis.gc();
		const { rss, heapUsed, external } = process.memoryUsage();
		const newSpace = getHeapSpaceStatistics().find(space => space.space_name === "new_space")?.space_size ?? 0;
		process.stdout.write(\`bench-rss \${JSON.stringify({ rss, heapUsed, external, newSpace })}\\n\`);
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
