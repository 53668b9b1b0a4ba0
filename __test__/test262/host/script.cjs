// Runs a non-module test262 file as global code (a Script, not a CommonJS module: `var` makes
// globals, `this` is the global object), with `import()` resolved relative to the file through
// the process's ESM loader, hooks included. Usage: script.cjs <file> <sloppy|strict>
"use strict";
const fs = require("node:fs");
const vm = require("node:vm");

const [ file, scenario ] = process.argv.slice(2);
const source = fs.readFileSync(file, "utf8");
const prefixed = scenario === "strict" ? `"use strict";\n${source}` : source;

let script;
try {
	script = new vm.Script(prefixed, {
		filename: file,
		importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
	});
} catch (error) {
	// Tells the runner the error came from parsing, not evaluation (`negative.phase: parse`).
	fs.writeSync(1, "Test262:ParseError\n");
	throw error;
}
script.runInThisContext();
