// The test262 host, loaded with `--require` before anything else (and so before any `--import`ed
// loader registers hooks): defines `print` and `$262`, evaluates the harness files in global scope
// (INTERPRETING.md, "Test-Defined Bindings") and reports the uncaught exception that ends a test,
// so the runner learns its constructor name without parsing Node's error output.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const harnessDirectory = process.env.TEST262_HARNESS;
const includes = (process.env.TEST262_INCLUDES ?? "").split(",").filter(name => name !== "");

/** Writes one line to stdout synchronously, so it survives an immediate `process.exit`. */
function writeLine(text) {
	fs.writeSync(1, `${text}\n`);
}

/** The constructor name test262 compares `negative.type` against. */
function errorTypeOf(value) {
	if ((typeof value === "object" && value !== null) || typeof value === "function") {
		const constructorName = typeof value.constructor === "function" ? value.constructor.name : undefined;
		return constructorName || String(value.name);
	}
	return typeof value;
}

function describe(value) {
	try {
		return String(value instanceof Error || (typeof value === "object" && value !== null && "message" in value)
			? value.message
			: value).split("\n")[0];
	} catch {
		return "<unprintable>";
	}
}

// test262 does not treat a rejection nobody handles as a failure (e.g. `import(void 0);` in a
// syntax test), but Node's default makes it fatal. Node hands a failed entry module (a parse,
// link or evaluation error) straight to `uncaughtException`, so this listener never sees those.
process.on("unhandledRejection", reason => {
	fs.writeSync(2, `Test262:UnhandledRejection:${errorTypeOf(reason)}:${describe(reason)}\n`);
});

process.on("uncaughtException", error => {
	writeLine(`Test262:Uncaught:${errorTypeOf(error)}:${describe(error)}`);
	if (error instanceof Error && error.stack !== undefined) {
		fs.writeSync(2, `${error.stack}\n`);
	}
	process.exit(1);
});

/** Defines a property the way the host-defined bindings must be: writable, configurable, hidden. */
function defineHidden(target, name, value) {
	Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Builds `$262` for one realm. `context` is undefined for the main realm, otherwise the vm context
 * whose global the realm is.
 */
function createHost(globalObject, context) {
	const evaluate = context === undefined
		? source => vm.runInThisContext(source)
		: source => vm.runInContext(source, context);
	return {
		global: globalObject,
		evalScript: source => evaluate(String(source)),
		createRealm() {
			const realmContext = vm.createContext();
			const realmGlobal = vm.runInContext("globalThis", realmContext);
			installHost(realmGlobal, realmContext);
			return realmGlobal.$262;
		},
		detachArrayBuffer(buffer) {
			structuredClone(buffer, { transfer: [ buffer ] });
			return null;
		},
		gc() {
			if (typeof globalThis.gc !== "function") {
				throw new Error("gc is not exposed; run node with --expose-gc");
			}
			return globalThis.gc();
		},
	};
}

function installHost(globalObject, context) {
	defineHidden(globalObject, "print", value => writeLine(String(value)));
	defineHidden(globalObject, "$262", createHost(globalObject, context));
}

installHost(globalThis, undefined);
for (const name of includes) {
	const file = path.join(harnessDirectory, name);
	vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
}
