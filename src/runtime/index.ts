// The runtime: what the stubs, adapters and facades of hot modules call (transform contract §4).
// Stubs import this module by absolute URL with the options in the query, so every hot module of
// the process shares one runtime.

import { reportRootEvaluated } from "../cli/app-channel.js";
import { adapterFor, type AdapterModule } from "./model/adapter.js";
import { acquireController, type HotController } from "./model/controller.js";
import { evaluatingInstance } from "./model/evaluation-context.js";
import { loadGraph } from "./load/load-graph.js";
import { setSilent } from "./report/logger.js";
import type { ModuleMetadata } from "./model/metadata.js";
import type { ModuleFunction } from "./model/module-record.js";
import { namespaceOf } from "./ecma/namespace.js";
import { optionsFromURL } from "./options.js";
import { provideRuntimeHost } from "./model/runtime-host.js";
import { addOutsideImport, startWatching } from "./update/update-scheduler.js";
import type { ModuleBody, ModuleSource } from "./model/version.js";
import { stubRuntime } from "./model/stub-runtime.js";
import { runtimeHost } from "./wiring.js";
import { startAttribution } from "./sentinel/attribution.js";
import { setSentinelOptions } from "./sentinel/leftovers.js";

const options = optionsFromURL(import.meta.url);
setSilent(options.silent);
if (options.sentinel || options.autoDispose) {
	setSentinelOptions({ warn: options.sentinel, autoDispose: options.autoDispose });
	startAttribution();
}
provideRuntimeHost(runtimeHost);

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
 * Links and evaluates the hot graph under a module that code outside the hot graph imports (the
 * facade of src/hooks/facade.ts); answers its namespace. Imported while a hot module is being
 * evaluated, it is a dependency of that module; otherwise a root. `isMain`: it is the entry module
 * of the process or worker (Node's `import.meta.main` in the facade); `importer`: the URL of the
 * module that imported it first, when that is not the entry.
 */
export async function main(moduleFunction: ModuleFunction, isMain = false, importer?: string): Promise<object> {
	const controller = moduleFunction(stubRuntime);
	if (controller.kind === "hot") {
		const evaluating = isMain ? undefined : evaluatingInstance();
		if (evaluating === undefined) {
			controller.isRoot = true;
			controller.isMain ||= isMain;
			controller.outsideImporter ??= importer;
		} else {
			addOutsideImport(evaluating.controller, controller);
		}
		startWatching();
	}
	const namespace = namespaceOf(await loadGraph(controller));
	reportRootEvaluated(controller.url);
	return namespace;
}
