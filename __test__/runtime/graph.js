// Hand-written transformed modules (docs/transform-contract.md §2) registered with the compiled
// runtime the way stubs register them, so the runtime can be driven without hooks or transform.
// Each graph has a runtime object of its own (silent: its messages are asserted through its
// logger), so that tests of independent graphs run in parallel.

import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Runtime } from "../../dist/runtime/runtime.js";

let graphs = 0;

/**
 * A set of modules in a fresh directory. `define(name, shape, execute)` registers a module
 * function for `name`; requests name their target by specifier (`./b.js` → module `b.js`), or
 * an adapter with `{ adapter: namespace }`.
 */
export function createGraph() {
	const runtime = new Runtime({ silent: true });
	const directory = join(tmpdir(), `dynohot-runtime-${process.pid}-${++graphs}`);
	mkdirSync(directory, { recursive: true });
	const functions = new Map();
	const urlOf = name => pathToFileURL(join(directory, name)).href;
	const resolve = request => {
		if (request.adapter !== undefined) {
			return () => runtime.adapter(`node:${request.specifier}`, request.adapter);
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
	const metadataOf = shape => ({
		prefix: "$hot$",
		execute: "$hot$execute",
		async: shape.async ?? false,
		usesImportMeta: shape.meta ?? false,
		usesDynamicImport: shape.dynamic ?? false,
		exports: shape.exports ?? [],
		requests: (shape.requests ?? []).map(request => ({
			specifier: request.specifier,
			attributes: {},
			bindings: request.bindings ?? [],
		})),
	});
	return {
		/** The graph's runtime object (its logger, its updater). */
		runtime,
		url: urlOf,
		/** Registers version 0 of `name`; answers the module function (what a stub default-exports). */
		define(name, shape, execute) {
			writeFileSync(join(directory, name), shape.text ?? "");
			const requests = shape.requests ?? [];
			const source = { format: shape.format ?? "javascript", reload: "file" };
			const fn = () => runtime.stubRuntime.acquire(urlOf(name), 0, execute, metadataOf(shape), requests.map(resolve), source);
			functions.set(name, fn);
			return fn;
		},
		/** Registers version `number` of `name` (as a reload through the hooks would); answers its controller. */
		redefine(name, number, shape, execute) {
			const requests = shape.requests ?? [];
			return runtime.stubRuntime.acquire(urlOf(name), number, execute, metadataOf(shape), requests.map(resolve), { format: "javascript", reload: "file" });
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

/** Import bindings, as the metadata writes them. */
export const imp = (name, as = name) => ({ type: "import", name, as });
export const star = as => ({ type: "importStar", as });
export const reexport = (name, as = name) => ({ type: "indirectExport", name, as });
export const reexportStar = as => ({ type: "indirectExportStar", as });
export const exportStar = () => ({ type: "exportStar" });
