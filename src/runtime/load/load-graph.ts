// Bringing a module into the running graph outside an update: `runtime.main()` for a root and
// `import()` for anything hot. The module links against the running instances of everything it
// reaches, and evaluates with its dependencies; its edges and watches start when it has linked.

import type { HotController, ModuleController } from "../model/controller.js";
import { evaluate } from "../ecma/evaluate.js";
import type { ModuleInstance, ModuleRecord } from "../model/instance.js";
import { link, recordOf } from "../ecma/link.js";
import { loadNextVersion } from "./load-version.js";

function selectRunning(controller: HotController): ModuleInstance {
	return controller.current ??= controller.createInstance();
}

/** Waits until the bodies of the modules with top-level await can run (see `instantiate`). */
export async function instantiated(components: readonly (readonly ModuleInstance[])[]): Promise<void> {
	const steps: Promise<void>[] = [];
	for (const component of components) {
		for (const instance of component) {
			if (instance.instantiated !== undefined) {
				steps.push(instance.instantiated);
			}
		}
	}
	if (steps.length > 0) {
		await Promise.all(steps);
	}
}

/**
 * Before modules that are not running join the graph: a module pruned earlier was not watched
 * since, so its file is read again. Walks only the modules that are not running.
 */
export async function refreshStale(start: HotController): Promise<void> {
	const work = [ start ];
	const seen = new Set<HotController>();
	while (work.length > 0) {
		const controller = work.pop()!;
		if (controller.current !== undefined || seen.has(controller)) {
			continue;
		}
		seen.add(controller);
		if (controller.stale) {
			const version = await loadNextVersion(controller);
			controller.version = version;
			controller.pendingVersion = undefined;
			controller.stale = false;
		}
		const { version } = controller;
		for (let index = 0; index < version.metadata.requests.length; ++index) {
			const dependency = version.controllerOf(index);
			if (dependency.kind === "hot") {
				work.push(dependency);
			}
		}
	}
}

export async function loadGraph(controller: ModuleController): Promise<ModuleRecord> {
	if (controller.kind === "hot" && controller.current === undefined) {
		await refreshStale(controller);
	}
	const record = recordOf(controller, selectRunning);
	if (record.kind === "adapter") {
		return record;
	}
	if (record.status === "new") {
		const components: ModuleInstance[][] = [];
		const { host } = record.controller;
		try {
			link(record, selectRunning, components);
		} finally {
			// Components that linked before an error elsewhere stay linked: they join the graph.
			for (const component of components) {
				for (const instance of component) {
					instance.controller.commit(instance);
					host.watch(instance.controller);
				}
				host.noteLoadedModules(component.map(instance => instance.controller.url));
			}
		}
		await instantiated(components);
		host.startPendingWatches();
	}
	await evaluate(record);
	return record;
}
