// The load hook and the modules it makes (stubs, adapters, the main module), called directly the
// way Node calls it, in both hook styles. Generated modules are checked by `node --check`, and a
// JSON module body by running it as the runtime does.
import test from "ava";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { runAsync, runSync } from "../../dist/hooks/drive.js";
import { createHooks } from "../../dist/hooks/hooks.js";
import { jsonMetadata, makeJsonBody, makeStub } from "../../dist/hooks/stub.js";

const runtimeURL = new URL("../../dist/runtime/index.js", import.meta.url).href;

async function directory(t) {
	const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-load-")));
	t.teardown(() => fs.rm(root, { recursive: true, force: true }));
	await fs.writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
	return root;
}

/** Whether `source` parses as an ES module (`node --check` of a `.mjs` file). */
async function checkModule(t, source) {
	const root = await directory(t);
	const file = path.join(root, "generated.mjs");
	await fs.writeFile(file, source);
	await t.notThrowsAsync(promisify(execFile)(process.execPath, [ "--check", file ]), source);
}

// Node's default load of a file: its bytes, and the format from its extension.
function nodeLikeLoad(calls) {
	return (url, context) => {
		calls.push({ url, context });
		const source = readFileSync(new URL(url));
		const format = url.endsWith(".json") ? "json" : "module";
		return { format, source };
	};
}

// Node's default resolve, for files of a `"type": "module"` package.
function nodeLikeResolve(specifier, context) {
	return { url: new URL(specifier, context.parentURL).href, format: specifier.endsWith(".json") ? "json" : "module" };
}

// The next hooks are written synchronously; the asynchronous style gets them as promises.
const styles = {
	sync: {
		resolve: (hooks, specifier, context) => runSync(hooks.resolve(specifier, context, nodeLikeResolve)),
		load: (hooks, url, context, next) => runSync(hooks.load(url, context, next)),
	},
	async: {
		resolve: (hooks, specifier, context) => runAsync(hooks.resolve(specifier, context, async (...args) => nodeLikeResolve(...args))),
		load: (hooks, url, context, next) => runAsync(hooks.load(url, context, async (...args) => next(...args))),
	},
};

const importContext = (parentURL, importAttributes = {}) => ({ conditions: [ "node", "import" ], importAttributes, parentURL });
const loadContext = () => ({ conditions: [ "node", "import" ], format: "module", importAttributes: {} });

for (const [ style, { resolve, load } ] of Object.entries(styles)) {
	test(`${style}: an adapter imports the module natively, with its attributes, and hands it to the runtime`, async t => {
		const hooks = createHooks({});
		const url = "dynohot:adapter?url=file%3A%2F%2F%2Fapp%2Fdata.json&with=type%3Djson";
		const result = await load(hooks, url, loadContext(), () => t.fail("an adapter is made, not loaded"));
		t.is(result.format, "module");
		t.true(result.source.includes('import * as namespace from "file:///app/data.json" with { "type": "json" };'));
		t.false(result.source.includes(runtimeURL), "the runtime is passed in, not imported");
		t.true(result.source.includes('export default function module(runtime) { return runtime.adapter("file:///app/data.json", namespace); }'));
		await checkModule(t, result.source);
	});

	test(`${style}: a hot module's plain URL is its facade: the runtime evaluates the graph, the bindings module exports its names`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "dep.js"), 'export const a = 1;\nexport { b as "a b" } from "./other.js";\nexport * from "./legacy.cjs";\nexport default 2;\n');
		const hooks = createHooks({ silent: true });
		const url = pathToFileURL(path.join(root, "dep.js")).href;
		await resolve(hooks, url, importContext(undefined));
		const calls = [];
		const facade = await load(hooks, url, loadContext(), nodeLikeLoad(calls));
		const bindings = `dynohot:bindings?url=${encodeURIComponent(url)}`;
		t.true(facade.source.includes(`import root from ${JSON.stringify(`${url}?dynohot-version=0`)};`));
		t.true(facade.source.includes(`import * as runtime from ${JSON.stringify(`${runtimeURL}?silent=1`)};`));
		t.true(facade.source.includes(`export * from ${JSON.stringify(bindings)};`));
		t.true(facade.source.includes(`export { default } from ${JSON.stringify(bindings)};`));
		t.true(facade.source.includes("await runtime.main(root, import.meta.main === true);"));
		await checkModule(t, facade.source);
		const exports = await load(hooks, bindings, loadContext(), () => t.fail("transformed once, for the facade"));
		t.true(exports.source.includes('export { binding0 as "a", binding1 as "default" };'));
		t.true(exports.source.includes(`export { "b" as "a b" } from "dynohot:bindings-request?specifier=.%2Fother.js&parent=${encodeURIComponent(url)}";`));
		t.true(exports.source.includes(`export * from "dynohot:bindings-request?specifier=.%2Flegacy.cjs&parent=${encodeURIComponent(url)}";`));
		await checkModule(t, exports.source);
		// The stub takes the version the facade transformed: the file is loaded once.
		const stub = await load(hooks, `${url}?dynohot-version=0`, loadContext(), nodeLikeLoad(calls));
		t.true(stub.source.includes(`$hot$runtime.acquire(${JSON.stringify(url)}, 0, `));
		t.is(calls.length, 1);
	});

	test(`${style}: require() and JSON without the stub: a hot module's plain URL loads natively for them`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "dep.js"), "export const a = 1;\n");
		await fs.writeFile(path.join(root, "data.json"), "{}");
		const hooks = createHooks({});
		const dep = pathToFileURL(path.join(root, "dep.js")).href;
		const data = pathToFileURL(path.join(root, "data.json")).href;
		await resolve(hooks, dep, importContext(undefined));
		await resolve(hooks, "dynohot:request?specifier=.%2Fdata.json&with=type%3Djson", importContext(dep));
		const native = { format: "module", source: "export const a = 1;\n" };
		const required = await load(hooks, dep, { ...loadContext(), conditions: [ "require", "node" ] }, () => native);
		t.is(required, native);
		const json = { format: "json", source: "{}" };
		t.is(await load(hooks, data, loadContext(), () => json), json);
	});

	test(`${style}: what is not hot loads untouched`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "legacy.cjs"), "module.exports = 1;");
		const hooks = createHooks({});
		const url = pathToFileURL(path.join(root, "legacy.cjs")).href;
		const answer = { format: "commonjs", source: null };
		const result = await load(hooks, url, loadContext(), () => answer);
		t.deepEqual(result, answer);
	});

	test(`${style}: JSON imported with type json becomes a hot module loaded with its attributes`, async t => {
		const root = await directory(t);
		await fs.writeFile(path.join(root, "data.json"), '{ "a": [1, 2], "__proto__": 3 }');
		const hooks = createHooks({});
		const parent = pathToFileURL(path.join(root, "main.js")).href;
		const { url } = await resolve(hooks, "dynohot:request?specifier=.%2Fdata.json&with=type%3Djson", importContext(parent));
		t.is(url, `${pathToFileURL(path.join(root, "data.json")).href}?dynohot-version=0`);
		const calls = [];
		const result = await load(hooks, url, loadContext(), nodeLikeLoad(calls));
		t.deepEqual(calls[0].context.importAttributes, { type: "json" });
		t.is(result.format, "module");
		t.true(result.source.startsWith('"use strict";function* $hot$execute('));
		t.true(result.source.includes(`$hot$runtime.acquire(${JSON.stringify(url.replace("?dynohot-version=0", ""))}, 0, $hot$execute, `));
		t.true(result.source.includes('{"format":"json","reload":"file"}'));
		await checkModule(t, result.source);
	});
}

test("a JSON module body links `default` before it evaluates and parses the text when it does", t => {
	const execute = new Function(`${makeJsonBody('{ "a": [1, 2], "__proto__": 3 }')}\nreturn ${jsonMetadata.execute};`)();
	let accessors;
	const generator = execute({}, () => t.fail(), (_rebind, exported) => { accessors = exported; });
	generator.next();
	t.deepEqual(Object.keys(accessors), jsonMetadata.exports);
	t.throws(() => accessors.default(), { instanceOf: ReferenceError });
	t.true(generator.next().done);
	const value = accessors.default();
	t.deepEqual(value.a, [ 1, 2 ]);
	t.is(Object.getPrototypeOf(value), Object.prototype);
	t.true(Object.hasOwn(value, "__proto__"));
});

test("a stub keeps the code first and appends one request import per request, attributes in the query", async t => {
	// Code in the shape of the transform contract (§2) for:
	//   import { a } from "./dep.js"; import data from "./data.json" with { type: "json" }; export const b = a;
	const code = [
		'"use strict";function* $hot$execute($hot$meta, $hot$import, $hot$link) {let $hot$imports;$hot$link(next => { $hot$imports = next; }, { "b": () => b });yield;',
		"",
		"const b = $hot$imports.a();",
		"}",
	].join("\n");
	const metadata = {
		prefix: "$hot$",
		execute: "$hot$execute",
		async: false,
		usesImportMeta: false,
		usesDynamicImport: false,
		exports: [ "b" ],
		requests: [
			{ specifier: "./dep.js", attributes: {}, bindings: [ { type: "import", name: "a", as: "a" } ] },
			{ specifier: "./data.json", attributes: { type: "json" }, bindings: [ { type: "import", name: "default", as: "data" } ] },
		],
	};
	const stub = makeStub({
		url: "file:///app/main.js",
		version: 2,
		code,
		map: JSON.stringify({ version: 3, sources: [ "file:///app/main.js" ], names: [], mappings: "" }),
		metadata,
		source: { format: "javascript", reload: "file" },
	});
	const lines = stub.split("\n");
	t.deepEqual(lines.slice(0, 4), code.split("\n"));
	t.is(lines[4], `export default function $hot$module($hot$runtime) { return $hot$runtime.acquire("file:///app/main.js", 2, $hot$execute, ${JSON.stringify(metadata)}, [$hot$0, $hot$1], {"format":"javascript","reload":"file"}); }`);
	t.is(lines[5], 'import $hot$0 from "dynohot:request?specifier=.%2Fdep.js";');
	t.is(lines[6], 'import $hot$1 from "dynohot:request?specifier=.%2Fdata.json&with=type%3Djson";');
	t.is(lines[7], "//# sourceURL=file:///app/main.js");
	t.regex(lines[8], /^\/\/# sourceMappingURL=data:application\/json;base64,[A-Za-z0-9+/=]+$/);
	await checkModule(t, stub);
});

/** A hot file `name` with `content`, resolved through the hooks as a stub's request: its stub URL and plain URL. */
async function hotFile(t, hooks, name, content, resolveFormat = "module") {
	const root = await directory(t);
	await fs.writeFile(path.join(root, name), content);
	const parent = pathToFileURL(path.join(root, "main.js")).href;
	const { url } = runSync(hooks.resolve(`dynohot:request?specifier=${encodeURIComponent(`./${name}`)}`, importContext(parent),
		(specifier, context) => ({ url: new URL(specifier, context.parentURL).href, format: resolveFormat })));
	return { root, url, plain: pathToFileURL(path.join(root, name)).href };
}

test("a hot JavaScript module: transformed code first, its requests, reloaded from the file", async t => {
	const hooks = createHooks({});
	const source = 'import { a } from "./dep.js";\nimport data from "./data.json" with { type: "json" };\nexport const b = a + data.length;\n';
	const { url, plain } = await hotFile(t, hooks, "mod.js", source);
	t.is(url, `${plain}?dynohot-version=0`);
	const calls = [];
	const { format, source: stub } = runSync(hooks.load(url, loadContext(), nodeLikeLoad(calls)));
	t.is(format, "module");
	t.is(calls[0].url, plain, "the first version loads at the plain URL, as an earlier loader expects");
	t.true(stub.includes(`$hot$runtime.acquire(${JSON.stringify(plain)}, 0, $hot$execute, `));
	t.true(stub.includes('{"format":"javascript","reload":"file"}'));
	t.true(stub.includes('import $hot$0 from "dynohot:request?specifier=.%2Fdep.js";'));
	t.true(stub.includes('import $hot$1 from "dynohot:request?specifier=.%2Fdata.json&with=type%3Djson";'));
	t.regex(stub.split("\n").at(-2), /^\/\/# sourceMappingURL=data:application\/json;base64,/);
	await checkModule(t, stub);
});

test("a module another loader rewrote is reloaded through the hooks, at its version", async t => {
	const hooks = createHooks({});
	const { url, plain } = await hotFile(t, hooks, "mod.js", "export const a = 1;\n");
	const rewritten = () => ({ format: "module", source: "export const a = 2;\n" });
	const first = runSync(hooks.load(url, loadContext(), rewritten));
	t.true(first.source.includes('{"format":"javascript","reload":"hooks"}'));
	const third = runSync(hooks.load(`${plain}?dynohot-version=3`, loadContext(), rewritten));
	t.true(third.source.includes(`$hot$runtime.acquire(${JSON.stringify(plain)}, 3, $hot$execute, `));
});

for (const [ style, { load } ] of Object.entries(styles)) {
	test(`${style}: TypeScript is stripped by the transform when Node cannot load .ts (Node 20), or when Node hands over module-typescript`, async t => {
		const hooks = createHooks({});
		const source = "const n: number = 1;\nexport interface I { n: number }\nexport default n as number;\n";
		const { url } = await hotFile(t, hooks, "mod.ts", source, undefined);
		const unknownExtension = () => {
			throw Object.assign(new TypeError('Unknown file extension ".ts"'), { code: "ERR_UNKNOWN_FILE_EXTENSION" });
		};
		const node20 = await load(hooks, url, loadContext(), unknownExtension);
		t.true(node20.source.includes('{"format":"typescript","reload":"file"}'));
		await checkModule(t, node20.source);
		const node22 = await load(hooks, url, loadContext(), () => ({ format: "module-typescript", source: Buffer.from(source) }));
		t.true(node22.source.includes('{"format":"typescript","reload":"file"}'));
		await checkModule(t, node22.source);
	});
}

test(".tsx and .jsx, which Node does not load, are compiled with the JSX options of the tsconfig.json that governs them, kept for reloads", async t => {
	const hooks = createHooks({});
	const unknownExtension = () => {
		throw Object.assign(new TypeError("Unknown file extension"), { code: "ERR_UNKNOWN_FILE_EXTENSION" });
	};
	const { root, url } = await hotFile(t, hooks, "page.tsx", "export const page = <p>{1 as number}</p>;\n", undefined);
	await fs.writeFile(path.join(root, "tsconfig.json"), '{ "compilerOptions": { "jsx": "react-jsx", "jsxImportSource": "hono/jsx" } }');
	const tsx = runSync(hooks.load(url, loadContext(), unknownExtension));
	t.true(tsx.source.includes('"hono/jsx/jsx-runtime"'), tsx.source);
	t.true(tsx.source.includes('{"format":"typescript","reload":"file","jsx":true,"compilerOptions":{"jsx":"react-jsx","jsxImportSource":"hono/jsx"}}'), tsx.source);
	const { url: jsxURL } = await hotFile(t, hooks, "list.jsx", "export const list = <ul />;\n", undefined);
	const jsx = runSync(hooks.load(jsxURL, loadContext(), unknownExtension));
	t.true(jsx.source.includes("React.createElement(\"ul\""), jsx.source);
	t.true(jsx.source.includes('{"format":"javascript","reload":"file","jsx":true}'), jsx.source);
});

test("a .ts file that an earlier loader compiled to JavaScript is reloaded through the hooks", async t => {
	const hooks = createHooks({});
	const { url } = await hotFile(t, hooks, "mod.ts", "export const n: number = 1;\n");
	const compiled = () => ({ format: "module", source: "export const n = 1;\n" });
	const { source } = runSync(hooks.load(url, loadContext(), compiled));
	t.true(source.includes('{"format":"javascript","reload":"hooks"}'));
});

test("an input source map (inline) is chained: positions lead to the original file", async t => {
	const hooks = createHooks({});
	const map = { version: 3, sources: [ "original.ts" ], names: [], mappings: "AAAA", sourcesContent: [ "export const a = 1;" ] };
	const source = `export const a = 1;\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
	const { url } = await hotFile(t, hooks, "mod.js", source);
	const { source: stub } = runSync(hooks.load(url, loadContext(), () => ({ format: "module", source })));
	const output = JSON.parse(Buffer.from(stub.split("\n").at(-2).split("base64,")[1], "base64").toString("utf8"));
	t.true(output.sources.some(name => name.endsWith("original.ts")), JSON.stringify(output.sources));
});
