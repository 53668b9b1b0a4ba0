// The `dynohot/transform` API over the native binding: shapes, errors, robustness, async.

import test from "ava";
import { backendName, isTransformSyntaxError, transform, transformSync } from "dynohot/transform";

const url = "file:///app/main.js";

test("the native backend is used by default", t => {
	t.is(backendName(), process.env.DYNOHOT_TRANSFORM === "wasm" ? "wasm" : "native");
});

test("transformSync answers code, map and metadata in the contract's shape", t => {
	const source = 'import { importedValue } from "./a-module";\nexport const exportedValue = "hello world";\nconsole.log(importedValue);\n';
	const result = transformSync(source, { url, sourceMap: true });
	t.true(result.code.startsWith('"use strict";function $hot$execute($hot$meta, $hot$import, $hot$link) {return function* () {let $hot$imports, importedValue;'));
	t.true(result.code.includes("console.log((importedValue = $hot$imports.importedValue()))"));
	t.true(result.code.endsWith("\n}()}"));
	t.deepEqual(result.metadata, {
		prefix: "$hot$",
		execute: "$hot$execute",
		async: false,
		usesImportMeta: false,
		usesDynamicImport: false,
		exports: ["exportedValue"],
		requests: [
			{
				specifier: "./a-module",
				attributes: {},
				bindings: [{ type: "import", name: "importedValue", as: "importedValue" }],
			},
		],
	});
	const map = JSON.parse(result.map);
	t.is(map.version, 3);
	t.deepEqual(map.sources, [url]);
	t.deepEqual(map.sourcesContent, [source]);
});

test("without sourceMap there is no map", t => {
	t.is(transformSync("export default 1;", { url }).map, undefined);
});

test("a Uint8Array source is read as UTF-8", t => {
	const result = transformSync(new TextEncoder().encode("export const é = '😀';"), { url });
	t.deepEqual(result.metadata.exports, ["é"]);
});

test("the generator runs: accessors, rebind and evaluation", t => {
	const { code, metadata } = transformSync(
		'import { base } from "./dep.js";\nexport let total = base + 1;\nexport function read() { return base; }\n',
		{ url },
	);
	const execute = (0, eval)(`${code}\n${metadata.execute}`);
	let accessors;
	let rebind;
	const generator = execute({}, () => undefined, (nextRebind, nextAccessors) => {
		rebind = nextRebind;
		accessors = nextAccessors;
	});
	generator.next();
	t.deepEqual(Object.keys(accessors), ["total", "read"]);
	t.throws(() => accessors.total(), { instanceOf: ReferenceError });
	rebind({ base: () => 41 });
	generator.next();
	t.is(accessors.total(), 42);
	rebind({ base: () => 1 });
	t.is(accessors.read()(), 1);
});

test("assigning to an import throws a TypeError when it runs", t => {
	const { code, metadata } = transformSync('import { a } from "./a.js";\nexport function set() { a = 2; }\n', { url });
	const execute = (0, eval)(`${code}\n${metadata.execute}`);
	let accessors;
	const generator = execute({}, () => undefined, (rebind, nextAccessors) => {
		rebind({ a: () => 1 });
		accessors = nextAccessors;
	});
	generator.next();
	generator.next();
	t.throws(() => accessors.set()(), { instanceOf: TypeError, message: "Assignment to constant variable." });
});

test("a syntax error is a SyntaxError with position and code frame", t => {
	const error = t.throws(() => transformSync('import x from "y";\nconst a = 1 2;\n', { url }), { instanceOf: SyntaxError });
	t.true(isTransformSyntaxError(error));
	t.is(error.file, url);
	t.is(error.line, 2);
	t.is(error.column, 13);
	t.is(error.codeFrame, '  1 | import x from "y";\n> 2 | const a = 1 2;\n    |             ^');
	t.true(error.message.endsWith(` (${url}:2:13)`));
	t.is(error.stack, `SyntaxError: ${error.message}\n${error.codeFrame}\n    at ${url}:2:13`);
	// Printed uncaught, the error shows its stack and nothing after it.
	t.deepEqual(Object.keys(error), []);
});

test("an early error (duplicate export) is a SyntaxError", t => {
	const error = t.throws(() => transformSync("export const a = 1;\nexport { a };\n", { url }), { instanceOf: SyntaxError });
	t.is(error.line, 2);
});

test("invalid UTF-8 in a Buffer is a SyntaxError, not a crash", t => {
	const error = t.throws(() => transformSync(Buffer.from([0x61, 0x3d, 0x22, 0xff, 0xfe, 0x22]), { url }), {
		instanceOf: SyntaxError,
	});
	t.regex(error.message, /Invalid UTF-8/);
	t.is(error.column, 4);
});

test("binary garbage and nasty inputs never crash the process", t => {
	const inputs = [
		Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)),
		"\u0000\u0001\u0002",
		"`${".repeat(1000),
		"/".repeat(1000),
		"\uD800",
		"import(",
		"export default class extends (class {}) {}",
	];
	for (const input of inputs) {
		try {
			const { code } = transformSync(input, { url, sourceMap: true });
			t.is(typeof code, "string");
		} catch (error) {
			t.true(error instanceof SyntaxError, String(error));
		}
	}
});

test("100,000-deep nesting gives an answer", t => {
	const depth = 100_000;
	for (const [open, close] of [["(", ")"], ["[", "]"], ["{a:", "}"]]) {
		const source = `x = ${open.repeat(depth)}1${close.repeat(depth)};`;
		try {
			t.is(typeof transformSync(source, { url }).code, "string");
		} catch (error) {
			t.true(error instanceof SyntaxError, String(error));
		}
	}
});

test("a 10 MB module is transformed", t => {
	const line = 'export function f_N(a, b) { return [a, b, `t ${a}`, { a, b }].map(x => x + 1); }\n';
	const lines = [];
	for (let size = 0, index = 0; size < 10 * 1024 * 1024; index++) {
		const text = line.replace("N", String(index));
		lines.push(text);
		size += text.length;
	}
	const result = transformSync(lines.join(""), { url, sourceMap: true });
	t.is(result.metadata.exports.length, lines.length);
});

test("async transform resolves like transformSync and rejects with a SyntaxError", async t => {
	const source = "const value = await Promise.resolve(1);\nexport { value };\n";
	const result = await transform(source, { url, sourceMap: true });
	t.deepEqual(result, transformSync(source, { url, sourceMap: true }));
	t.true(result.metadata.async);
	t.true(result.code.includes("function $hot$execute($hot$meta, $hot$import, $hot$link) {return async function* () {"));
	const error = await t.throwsAsync(transform("a b", { url }), { instanceOf: SyntaxError });
	t.is(error.line, 1);
});

test("async transform copies its source: changing the buffer afterwards changes nothing", async t => {
	const bytes = Buffer.from("export const a = 1;");
	const pending = transform(bytes, { url });
	bytes.fill(0x20);
	t.deepEqual((await pending).metadata.exports, ["a"]);
});

test("typescript is stripped", t => {
	const result = transformSync('import type { T } from "./t.js";\nexport const x: number = 1 as number;\n', { url, typescript: true });
	t.deepEqual(result.metadata.requests, []);
	t.true(result.code.includes("const x = 1;"));
});

test("JSX compiles as the compiler options say: the automatic runtime of jsxImportSource, or the classic factory", t => {
	const source = "export const page = <p>{1}<>x</></p>;\n";
	const tsxURL = "file:///app/page.tsx";
	const automatic = transformSync(source, { url: tsxURL, typescript: true, jsx: true, compilerOptions: { jsx: "react-jsx", jsxImportSource: "hono/jsx" } });
	t.deepEqual(automatic.metadata.requests.map(request => request.specifier), [ "hono/jsx/jsx-runtime" ]);
	const classic = transformSync(source, { url: "file:///app/page.jsx", jsx: true, compilerOptions: { jsx: "react", jsxFactory: "h", jsxFragmentFactory: "Fragment" } });
	t.deepEqual(classic.metadata.requests, []);
	t.true(classic.code.includes('h("p", null, 1, h(Fragment, null, "x"))'), classic.code);
});

test("JSX errors are SyntaxErrors with position and code frame; `jsx: preserve` is one, since node cannot run JSX", t => {
	const tsxURL = "file:///app/page.tsx";
	const mismatched = t.throws(() => transformSync("const a = 1;\nconst b = <p>x</b>;\n", { url: tsxURL, typescript: true, jsx: true }), { instanceOf: SyntaxError });
	t.is(mismatched.line, 2);
	t.true(mismatched.codeFrame.includes("> 2 | const b = <p>x</b>;"), mismatched.codeFrame);
	const preserved = t.throws(() => transformSync("const a = 1;\nconst b = <p />;\n", { url: tsxURL, typescript: true, jsx: true, compilerOptions: { jsx: "preserve" } }), { instanceOf: SyntaxError });
	t.deepEqual([ preserved.line, preserved.column ], [ 2, 11 ]);
	t.regex(preserved.message, /preserve/);
});

test("legacy decorators with metadata run as tsc emits them: decorators applied bottom-up, design types emitted", t => {
	const source = [
		"export const calls: string[] = [];",
		"const note = (label: string) => (...args: unknown[]) => { calls.push(`${label}:${args.length}`); };",
		"@note(\"class\") export class C {",
		"\t@note(\"method\") greet(name: string): string { return name; }",
		"}",
	].join("\n");
	const { code, metadata } = transformSync(source, { url: "file:///app/c.ts", typescript: true, compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } });
	t.true(code.includes('"design:paramtypes"'), code);
	const execute = (0, eval)(`${code}\n${metadata.execute}`);
	let accessors;
	const generator = execute({}, () => undefined, (_rebind, nextAccessors) => {
		accessors = nextAccessors;
		return () => {};
	});
	generator.next();
	generator.next();
	t.deepEqual(accessors.calls(), [ "method:3", "class:1" ]);
});

test("module early errors the parser lets through are SyntaxErrors with positions", t => {
	const cases = [
		["let x;\nvar x;\n", 2, 5],
		["function f() {}\nfunction f() {}\n", 2, 10],
		["var f;\nfunction* f() {}\n", 2, 11],
		['import { a } from "./a.js";\n{ var a; }\n', 2, 7],
		['import { eval } from "./a.js";\n', 1, 10],
		["export {} null;\n", 1, 11],
		["class C { #x; }\nnew C().#x;\n", 2, 9],
	];
	for (const [source, line, column] of cases) {
		const error = t.throws(() => transformSync(source, { url }), { instanceOf: SyntaxError }, source);
		t.deepEqual([error.line, error.column], [line, column], source);
	}
});

test("top-level arguments is an unresolved reference, not the generator's arguments object", t => {
	const { code, metadata } = transformSync(
		"export const type = typeof arguments;\nexport const read = () => arguments;\nexport function own() { return arguments.length; }\n",
		{ url },
	);
	const execute = (0, eval)(`${code}\n${metadata.execute}`);
	let accessors;
	const generator = execute({}, () => undefined, (rebind, nextAccessors) => {
		accessors = nextAccessors;
	});
	generator.next();
	generator.next();
	t.is(accessors.type(), "undefined");
	t.throws(() => accessors.read()(), { instanceOf: ReferenceError });
	t.is(accessors.own()(1, 2), 2);
	globalThis.arguments = "global";
	try {
		t.is(accessors.read()(), "global");
	} finally {
		delete globalThis.arguments;
	}
});
