// Importers outside the hot graph (here a CommonJS module's `import()`, answered by the facade)
// see a hot module's exports as live bindings, as they would under plain node: a write is seen at
// once, and after an update the bindings are those of the new instance.
import test from "ava";
import { sameAsNode } from "../harness/index.js";
import { loaded, runBehaviour } from "./scenario.js";

const counter = `export let count = 0;
export function bump() { count++; }`;

const outsideImporter = `module.exports = import("./counter.js");`;

test("an importer outside the hot graph sees writes to exports as they happen", t => sameAsNode(t, {
	"main.js": `import { count, bump } from "./counter.js";
import outside from "./outside.cjs";
const namespace = await outside;
console.log(count, namespace.count);
bump();
console.log(count, namespace.count);
namespace.bump();
console.log(count, namespace.count);`,
	"counter.js": counter,
	"outside.cjs": outsideImporter,
}, { expectedStdout: [ "0 0", "1 1", "2 2" ] }));

// The module is a root (the facade runs it), so it accepts itself; its handler gets the new
// namespace and hands it to main.js.
test("an importer outside the hot graph follows the new instance after an update", t => runBehaviour(t, {
	files: {
		"main.js": `import { count, bump } from "./counter.js";
import outside from "./outside.cjs";
const namespace = await outside;
const firstBump = bump;
bump();
console.log("first", count, namespace.count);
globalThis.counterReplaced = next => {
	console.log("accepted", count, namespace.count);
	next.bump();
	console.log("bumped", count, namespace.count);
	firstBump();
	console.log("replaced instance bumped", count, namespace.count);
};`,
		"counter.js": `${counter}
import.meta.hot.accept(next => globalThis.counterReplaced(next));`,
		"outside.cjs": outsideImporter,
	},
	steps: [
		{ stdout: [ "first 1 1" ] },
		{
			edit: { "counter.js": `export let count = 10;
export function bump() { count += 2; }` },
			stdout: [ "accepted 10 10", "bumped 12 12", "replaced instance bumped 12 12" ],
			stderr: [ loaded(1, 0) ],
		},
	],
}));
