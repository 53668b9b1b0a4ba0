// `$hot$import(specifier, options)`: `import()` inside a hot module. The argument checks follow
// EvaluateImportCall (errors made by the engine itself, so their wording is this Node's); the
// request is resolved by the hooks like a static import; the target joins the graph as an edge
// of the importing instance, so that updates of it travel to the importer.

import type { ModuleFunction } from "../model/controller.js";
import type { ModuleInstance } from "../model/instance.js";
import { loadGraph } from "./load-graph.js";
import { namespaceOf } from "../ecma/namespace.js";
import { requestURL } from "./request-url.js";

// An empty module: the engine rejects invalid options before it would load it.
const emptyModule: string = "data:text/javascript,";

/** Rejects exactly as the engine's `import()` rejects these (invalid) options. */
async function engineRejection(options: unknown): Promise<never> {
	await import(emptyModule, options as ImportCallOptions);
	throw new TypeError("dynohot: invalid import() options were accepted");
}

async function importAttributes(options: unknown): Promise<Record<string, string>> {
	const attributes: Record<string, string> = {};
	if (options === undefined) {
		return attributes;
	}
	if (typeof options !== "object" && typeof options !== "function" || options === null) {
		return engineRejection(1);
	}
	const withObject: unknown = (options as { with?: unknown }).with;
	if (withObject === undefined) {
		return attributes;
	}
	if (typeof withObject !== "object" && typeof withObject !== "function" || withObject === null) {
		return engineRejection({ with: 1 });
	}
	for (const [ key, value ] of Object.entries(withObject)) {
		if (typeof value !== "string") {
			return engineRejection({ with: { type: 1 } });
		}
		attributes[key] = value;
	}
	return attributes;
}

export async function importFrom(instance: ModuleInstance, specifier: unknown, options?: unknown): Promise<unknown> {
	const specifierString = `${specifier as string}`;
	const attributes = await importAttributes(options);
	const stub = await import(requestURL(specifierString, instance.controller.url, attributes)) as { default: ModuleFunction };
	const controller = stub.default(instance.controller.host.stubRuntime);
	let controllers = instance.dynamicImports.get(specifierString);
	if (controllers === undefined) {
		controllers = new Set();
		instance.dynamicImports.set(specifierString, controllers);
	}
	if (!controllers.has(controller)) {
		controllers.add(controller);
		if (instance.controller.current === instance) {
			instance.controller.addDependency(controller);
		}
	}
	return namespaceOf(await loadGraph(controller));
}
