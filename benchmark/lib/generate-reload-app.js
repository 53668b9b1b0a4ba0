// A small app for the memory benchmark: main.js accepts updates of reloaded.js, which the
// benchmark rewrites many times. On "rss" from stdin the app forces garbage collection (it runs
// with --expose-gc) and prints its resident set size, V8 heap use, memory held outside the heap
// for JavaScript objects (external), and the size V8 reserved for its young generation (which it
// grows with what survives garbage collections: RSS that is not a leak).

import * as fs from "node:fs";
import * as path from "node:path";
import { REVISION_LINE_PREFIX } from "./generate-monorepo.js";

const MAIN = `import { getHeapSpaceStatistics } from "node:v8";
import { describeGeneration } from "./reloaded.js";

let latest = describeGeneration();
import.meta.hot?.accept("./reloaded.js", () => {
	latest = describeGeneration();
});

process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => {
	if (chunk.includes("rss")) {
		globalThis.gc();
		globalThis.gc();
		const { rss, heapUsed, external } = process.memoryUsage();
		const newSpace = getHeapSpaceStatistics().find(space => space.space_name === "new_space")?.space_size ?? 0;
		process.stdout.write(\`bench-rss \${JSON.stringify({ rss, heapUsed, external, newSpace, latest })}\\n\`);
	}
});
process.stdout.write("bench-ready {}\\n");
`;

// A module of ordinary size (a class, a few functions, a table), so each reload carries a
// realistic amount of source, transformed code and source map.
const RELOADED = `import { createHash } from "node:crypto";

const table = [${Array.from({ length: 64 }, (_, index) => (index * 7919) % 1009).join(", ")}];

export class Counter {
	#value = 0;
	constructor(start) {
		this.#value = start;
	}
	increment(step = 1) {
		this.#value += step;
		return this.#value;
	}
	get value() {
		return this.#value;
	}
}

export function checksum(text) {
	return createHash("sha1").update(text).digest("hex").slice(0, 8);
}

export function mix(input) {
	let accumulator = input;
	for (const entry of table) {
		accumulator = (accumulator * 31 + entry) % 1000003;
	}
	return accumulator;
}

export function describeGeneration() {
	const counter = new Counter(mix(table.length));
	counter.increment();
	return \`\${checksum(String(counter.value))}-\${counter.value}\`;
}

export default { table, Counter, mix };
${REVISION_LINE_PREFIX}0
`;

export function generateReloadApp(root) {
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	fs.writeFileSync(path.join(root, "package.json"), `${JSON.stringify({ name: "bench-reload-app", private: true, type: "module" }, null, "\t")}\n`);
	fs.writeFileSync(path.join(root, "main.js"), MAIN);
	fs.writeFileSync(path.join(root, "reloaded.js"), RELOADED);
	return { main: "main.js", reloaded: "reloaded.js" };
}
