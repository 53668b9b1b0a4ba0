// The runtime: what the stubs, adapters and facades of hot modules call (transform contract §4).
// Stubs import this module by absolute URL with the options in the query, so every hot module of
// the process shares one runtime.

import { adapterFor, type AdapterModule } from "./adapter.js";
import { acquireController, type HotController } from "./controller.js";
import { loadGraph } from "./load-graph.js";
import { setSilent } from "./logger.js";
import type { ModuleMetadata } from "./metadata.js";
import type { ModuleFunction } from "./module-record.js";
import { namespaceOf } from "./namespace.js";
import { optionsFromURL } from "./options.js";
import { startWatching } from "./update-scheduler.js";
import type { ModuleBody, ModuleSource } from "./version.js";
import { stubRuntime } from "./stub-runtime.js";

setSilent(optionsFromURL(import.meta.url).silent);

/** The controller of a hot module (memoised per URL); a higher `version` is a newer version of its code. */
export function acquire(
	url: string,
	version: number,
	execute: ModuleBody,
	metadata: ModuleMetadata,
	dependencies: readonly ModuleFunction[],
	source: ModuleSource,
): HotController {
	return acquireController(url, version, execute, metadata, dependencies, source);
}

/** The module record of a module Node loaded natively. */
export function adapter(url: string, namespace: Readonly<Record<string, unknown>>): AdapterModule {
	return adapterFor(url, namespace);
}

/**
 * Links and evaluates the hot graph under a root; answers its namespace. `isMain`: the root is the
 * entry module of the process or worker (Node's `import.meta.main` in the facade).
 */
export async function main(moduleFunction: ModuleFunction, isMain = false): Promise<object> {
	const controller = moduleFunction(stubRuntime);
	if (controller.kind === "hot") {
		controller.isRoot = true;
		controller.isMain ||= isMain;
		startWatching();
	}
	return namespaceOf(await loadGraph(controller));
}
