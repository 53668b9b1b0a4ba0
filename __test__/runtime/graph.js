// Module graphs registered with the compiled runtime the way stubs register them, so the runtime
// can be driven without hooks. Write a module as source text with `g.module(name, source)` (and
// its later versions with `g.version`): the real transform makes its body and metadata, compiled
// as a reload compiles them (src/runtime/load/load-version.ts). `g.define` registers a
// hand-written body and metadata (docs/transform-contract.md §2) instead: only for a body the
// transform never makes, such as the one the hooks' stub of a JSON module holds. Each graph has a
// runtime object of its own (silent: its messages are asserted through its logger), so that
// tests of independent graphs run in parallel.

import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Runtime } from "../../dist/runtime/runtime.js";
import { transformSync } from "../../dist/transform/index.js";

let graphs = 0;

/**
 * The body of a module compiled from the transform's output as `compileBody` in
 * src/runtime/load/load-version.ts compiles it: an indirect eval, at global scope, of the code
 * followed by the name of its execute function.
 */
function compileTransformed(url, source) {
	const { code, metadata } = transformSync(source, { url });
	const indirectEval = eval;
	return { execute: indirectEval(`${code}\n${metadata.execute}\n//# sourceURL=${url}`), metadata };
}

/**
 * A set of modules in a fresh directory. `module(name, source)` registers a module function for
 * `name`; requests name their target by specifier (`./b.js` → module `b.js`), or an adapter
 * (`adapter(specifier, namespace)`).
 *
 * A module's source reaches the test's values through a global of the graph's own: `g.test` is its
 * name, to write into the source (`${g.test}.log.push("a")`), and `g.values` the object itself.
 */
export function createGraph() {
	const runtime = new Runtime({ silent: true });
	const number = ++graphs;
	const directory = join(tmpdir(), `dynohot-runtime-${process.pid}-${number}`);
	mkdirSync(directory, { recursive: true });
	const test = `$test${number}`;
	const values = globalThis[test] = {};
	const functions = new Map();
	const adapters = new Map();
	const urlOf = name => pathToFileURL(join(directory, name)).href;
	const resolve = request => {
		const adapter = adapters.get(request.specifier);
		if (adapter !== undefined) {
			return () => runtime.adapter(`node:${request.specifier}`, adapter);
		}
		const name = request.specifier.replace(/^\.\//, "");
		return () => {
			const fn = functions.get(name);
			if (fn === undefined) {
				throw new Error(`no module ${name}`);
			}
			return fn();
		};
	};
	return {
		/** The graph's runtime object (its logger, its updater). */
		runtime,
		url: urlOf,
		/** The name of the global through which module sources reach `values`. */
		test,
		/** The test's values that module sources read and write (through `test`). */
		values,
		/** Makes `specifier` name an adapter module of `namespace` (what the hooks make of a CommonJS or builtin module). */
		adapter(specifier, namespace) {
			adapters.set(specifier, namespace);
		},
		/**
		 * Registers version 0 of `name` from its source text, written to its file and transformed by
		 * the real transform; answers the module function (what a stub default-exports).
		 */
		module(name, source) {
			writeFileSync(join(directory, name), source);
			const url = urlOf(name);
			const { execute, metadata } = compileTransformed(url, source);
			const requests = metadata.requests.map(resolve);
			const fn = () => runtime.stubRuntime.acquire(url, 0, execute, metadata, requests, { format: "javascript", reload: "file" });
			functions.set(name, fn);
			return fn;
		},
		/**
		 * Registers version `number` of `name` from source text, transformed by the real transform
		 * (as a reload through the hooks would register it); answers its controller.
		 */
		version(name, number, source) {
			const url = urlOf(name);
			const { execute, metadata } = compileTransformed(url, source);
			return runtime.stubRuntime.acquire(url, number, execute, metadata, metadata.requests.map(resolve), { format: "javascript", reload: "file" });
		},
		/**
		 * Registers version 0 of `name` with a hand-written body `execute` and the metadata fields
		 * given in `metadata` (the others as for a module without imports, exports or top-level
		 * await), its file holding `text` in `format`; answers the module function.
		 */
		define(name, { format, text, metadata }, execute) {
			writeFileSync(join(directory, name), text);
			const complete = {
				prefix: "$hot$",
				execute: "$hot$execute",
				async: false,
				usesImportMeta: false,
				usesDynamicImport: false,
				exports: [],
				requests: [],
				...metadata,
			};
			const fn = () => runtime.stubRuntime.acquire(urlOf(name), 0, execute, complete, complete.requests.map(resolve), { format, reload: "file" });
			functions.set(name, fn);
			return fn;
		},
		/** Writes the file of `name` (for reloads that read it). */
		write(name, text) {
			writeFileSync(join(directory, name), text);
		},
		/** The module function of `name` (what its stub default-exports). */
		moduleFunction(name) {
			return functions.get(name);
		},
		controller(name) {
			return functions.get(name)();
		},
		main(name) {
			return runtime.main(functions.get(name));
		},
	};
}

/**
 * The source of a module that imports `imports` for their effects, records `entry` in the graph's
 * log (`g.values.log`), then runs `then`, more source text.
 */
export function recorder(g, entry, imports = [], then = "") {
	return [
		...imports.map(specifier => `import ${JSON.stringify(specifier)};`),
		`${g.test}.log.push(${JSON.stringify(entry)});`,
		then,
	].join("\n");
}
