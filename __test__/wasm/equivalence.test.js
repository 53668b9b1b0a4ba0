// The wasm backend is the same transform as the native binding: for every module of a corpus
// (the transform's fixtures, real packages, TypeScript, chained input source maps) both answer
// byte-identical code, map and metadata, or identical error data.

import test from "ava";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadNativeBackend } from "../../dist/transform/native.js";
import { loadWasmBackend } from "../../dist/transform/wasm.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const native = loadNativeBackend();
const wasm = loadWasmBackend();

/** Files under `directory` (relative to the project) whose names end with one of `extensions`. */
function filesUnder(directory, extensions) {
	return fs
		.readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
		.filter(entry => entry.isFile() && extensions.some(extension => entry.name.endsWith(extension)))
		.map(entry => path.join(entry.parentPath, entry.name))
		.sort();
}

/** What a backend answers for one module: its result, or the fields of the error it throws. */
function outcome(backend, source, options) {
	try {
		return { result: backend.transformSync(source, options) };
	} catch (error) {
		const { name, message, file, line, column, codeFrame } = error;
		return { error: { name, message, file, line, column, codeFrame } };
	}
}

function optionsFor(file, extra = {}) {
	return { url: pathToFileURL(file).href, typescript: /\.[cm]?ts$/.test(file), sourceMap: true, ...extra };
}

/** Compares both backends on each file; `expected` says whether they must succeed or fail. */
function compareBackends(t, files, expected, extraOptions = () => ({})) {
	t.true(files.length > 0, "the corpus is not empty");
	for (const file of files) {
		const source = fs.readFileSync(file);
		const options = optionsFor(file, extraOptions(file));
		const fromNative = outcome(native, source, options);
		const fromWasm = outcome(wasm, source, options);
		t.deepEqual(fromWasm, fromNative, path.relative(root, file));
		t.true(expected in fromNative, `${path.relative(root, file)} answers ${expected}`);
	}
}

test("the transform fixtures", t => {
	compareBackends(t, filesUnder("crates/dynohot_transform/tests/fixtures/transform", [".js", ".ts"]), "result");
});

test("the error fixtures: the same SyntaxError, message, position and code frame", t => {
	compareBackends(t, filesUnder("crates/dynohot_transform/tests/fixtures/errors", [".js", ".ts"]), "error");
});

test("lodash-es, every module", t => {
	compareBackends(t, filesUnder("node_modules/lodash-es", [".js"]), "result");
});

test("three.js, one large module", t => {
	compareBackends(t, [path.join(root, "node_modules/three/build/three.module.js")], "result");
});

test("rxjs, chained through each module's input source map", t => {
	const files = filesUnder("node_modules/rxjs/dist/esm/internal/operators", [".js"]);
	compareBackends(t, files, "result", file => ({ inputSourceMap: fs.readFileSync(`${file}.map`, "utf8") }));
});

test("without a source map, and from a string source", t => {
	for (const file of filesUnder("crates/dynohot_transform/tests/fixtures/transform", [".js"])) {
		const options = { url: pathToFileURL(file).href };
		const source = fs.readFileSync(file, "utf8");
		t.deepEqual(outcome(wasm, source, options), outcome(native, source, options), path.relative(root, file));
	}
});

test("edge inputs: invalid UTF-8, an unexpected end, a position after astral characters, an early error, nothing", t => {
	const url = "file:///app/bad.js";
	const sources = [
		Uint8Array.of(0x65, 0x78, 0x70, 0x6f, 0x72, 0x74, 0x20, 0xff, 0xfe),
		"export const a = (1 + ;",
		"const 😀 = '\u{1F600}';\nlet x = 'é' +;\n",
		"import { a } from './a.js';\nimport { a } from './b.js';\n",
		"",
	];
	for (const source of sources) {
		t.deepEqual(outcome(wasm, source, { url }), outcome(native, source, { url }), String(source));
	}
});

test("transform (asynchronous) answers what transformSync answers", async t => {
	const file = path.join(root, "node_modules/lodash-es/debounce.js");
	const options = optionsFor(file);
	const source = fs.readFileSync(file, "utf8");
	t.deepEqual(await wasm.transform(source, options), native.transformSync(source, options));
	await t.throwsAsync(wasm.transform("let = ;", { url: "file:///x.js" }), { instanceOf: SyntaxError });
});
