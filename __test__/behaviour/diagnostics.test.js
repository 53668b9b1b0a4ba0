// Where errors point (docs/semantics.md §7.1): stack traces of reloaded modules at the original lines (and with
// --enable-source-maps at line:column).
import test from "ava";
import { loaded, runBehaviour } from "./scenario.js";

const main = `import { fail } from "./dep.js";
const where = () => {
	try {
		fail();
	} catch (error) {
		const frame = error.stack.split("\\n").find(line => line.includes("dep.js"));
		return frame.replace(/^.*[\\\\/]dep\\.js/, "dep.js").replace(/\\)$/, "");
	}
};
console.log(where());
import.meta.hot.accept("./dep.js", () => console.log("reloaded", where()));`;

const first = `export function fail() {
	// line 2
	throw new Error("failure");
}`;

const second = `// two lines
// more than before
export function fail() {
	const unused = 1;
	if (unused) {   throw new Error("failure");
	}
}`;

test("stack traces of a reloaded module point at the original lines", t => runBehaviour(t, {
	files: { "main.js": main, "dep.js": first },
	steps: [
		{ stdout: [ "dep.js:3:{{n}}" ] },
		{ edit: { "dep.js": second }, stdout: [ "reloaded dep.js:5:{{n}}" ], stderr: [ loaded(1, 0) ] },
	],
}));

test("with --enable-source-maps, stack traces of a reloaded module point at line:column", t => runBehaviour(t, {
	files: { "main.js": main, "dep.js": first },
	nodeOptions: [ "--enable-source-maps" ],
	steps: [
		{ stdout: [ "dep.js:3:8" ] },
		{ edit: { "dep.js": second }, stdout: [ "reloaded dep.js:5:24" ], stderr: [ loaded(1, 0) ] },
	],
}));

// Every later version of a file is mapped by its own source map: under --enable-source-maps the
// versions share one name for Node's map cache (so that maps do not pile up over reloads), and
// each reload's map must replace the one before it.
/** `fail` throwing at line `above + 3`, column `indent + 7` (where `new` starts). */
const version = (/** @type {number} */ above, /** @type {number} */ indent) => `${"// moved\n".repeat(above)}export function fail() {
	const unused = 1;
${" ".repeat(indent)}throw new Error("failure");
}`;

test("with --enable-source-maps, each reloaded version is mapped by its own source map", t => runBehaviour(t, {
	files: { "main.js": main, "dep.js": version(0, 1) },
	nodeOptions: [ "--enable-source-maps" ],
	steps: [
		{ stdout: [ "dep.js:3:8" ] },
		{ edit: { "dep.js": version(2, 5) }, stdout: [ "reloaded dep.js:5:12" ], stderr: [ loaded(1, 0) ] },
		{ edit: { "dep.js": version(1, 9) }, stdout: [ "reloaded dep.js:4:16" ], stderr: [ loaded(1, 0) ] },
		{ edit: { "dep.js": version(3, 2) }, stdout: [ "reloaded dep.js:6:9" ], stderr: [ loaded(1, 0) ] },
	],
}));
