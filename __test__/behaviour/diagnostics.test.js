// Where errors point (SPEC §6): stack traces of reloaded modules at the original lines (and with
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
