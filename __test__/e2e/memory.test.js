// Reloads retain nothing: a module of realistic size (100 KB) saved a hundred times leaves no trace
// of its replaced versions. The application measures itself after each update, with garbage
// collection forced (--expose-gc): V8's heap must stay level, and weak references to the replaced
// versions' namespaces and objects must be cleared. A leak of a version's source or compiled code
// grows the heap by several times the module's size per reload, far above the bound here.
import anyTest from "ava";
import * as fs from "node:fs/promises";
import { createProject, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

const RELOADS = 100;
/** Measurements before this reload take in one-time growth (V8's young generation, caches). */
const FIRST_MEASURED = 20;
/** Heap growth allowed per reload: a tenth of the module, where a retained version costs 7 times it. */
const HEAP_BOUND_BYTES_PER_RELOAD = 10 * 1024;

/**
 * About 100 KB of exported functions; `revision` changes the text of every one.
 * @param {number} revision
 */
function bigModule(revision) {
	const lines = [ `export const marker = { revision: ${revision} };` ];
	for (let index = 0; index < 1500; index++) {
		lines.push(`export function fn${index}(a, b) { return a * ${index} + b - ${revision}; }`);
	}
	return `${lines.join("\n")}\n`;
}

// After each update the application keeps weak references to the new namespace and to an object
// the new version made, and on a later turn (a weak reference holds its target until the turn
// that made it ends) collects garbage and reports the heap and how many replaced versions are
// still reachable.
const MAIN = `import * as big from "./big.js";
const versions = [];
function track(namespace) {
	versions.push([ new WeakRef(namespace), new WeakRef(namespace.marker) ]);
}
track(big);
import.meta.hot.accept("./big.js", namespace => {
	track(namespace);
	setTimeout(() => {
		globalThis.gc();
		globalThis.gc();
		const replaced = versions.slice(0, -1).filter(refs => refs.some(ref => ref.deref() !== undefined)).length;
		console.log(\`reload \${namespace.marker.revision} heap \${process.memoryUsage().heapUsed} replaced-reachable \${replaced}\`);
	}, 0);
});
console.log("ready");
`;

const REPORT = /^reload (\d+) heap (\d+) replaced-reachable (\d+)$/;

for (const nodeOptions of [ [], [ "--enable-source-maps" ] ]) {
	const options = nodeOptions.length === 0 ? "" : ` (${nodeOptions.join(" ")})`;
	test(`${RELOADS} reloads of a 100 KB module leave the heap level and no replaced version reachable${options}`, async t => {
		const project = await createProject(t, { "main.js": MAIN, "big.js": bigModule(0) });
		const app = project.start("main.js", { nodeOptions: [ "--expose-gc", ...nodeOptions ] });
		await app.waitFor("ready");
		/** @type {Map<number, { heap: number, reachable: number }>} */
		const reports = new Map();
		for (let revision = 1; revision <= RELOADS; revision++) {
			// Saved as editors with atomic save do, so the watcher never reads a half-written file.
			const temporary = project.path(`big.js.${revision}.tmp`);
			await fs.writeFile(temporary, bigModule(revision));
			await fs.rename(temporary, project.path("big.js"));
			const [ , reported, heap, reachable ] = await app.waitFor(REPORT);
			t.is(Number(reported), revision);
			reports.set(revision, { heap: Number(heap), reachable: Number(reachable) });
		}
		const first = /** @type {{ heap: number }} */ (reports.get(FIRST_MEASURED));
		const last = /** @type {{ heap: number, reachable: number }} */ (reports.get(RELOADS));
		const perReload = (last.heap - first.heap) / (RELOADS - FIRST_MEASURED);
		t.true(perReload < HEAP_BOUND_BYTES_PER_RELOAD, `heap grew ${(perReload / 1024).toFixed(1)} KB per reload`);
		t.is(last.reachable, 0);
		const failures = app.takeLines("stderr").filter(line => !/^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in/.test(line));
		t.deepEqual(failures, []);
	});
}
