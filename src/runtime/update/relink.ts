// Relinking the importers that an update keeps (docs/semantics.md §5.5): their imports must read the new
// instances of what was replaced. The work is bounded by what the change reaches: a staying
// importer is relinked when it imports a replaced module, or a module whose exports resolve into
// one (a re-exporter); only a re-exporter's own exports (its namespace, its indirect exports)
// change, so only through re-exporters does the change travel further up.
//
// The holders are built and checked before anything is disposed, against the staged instances,
// and bound once those instances are committed: each one is resolved once per update.

import type { HotController } from "../model/controller.js";
import type { ModuleInstance, ModuleRecord } from "../model/instance.js";
import { importHolder, recordOf, validateIndirectExports, type SelectRecord } from "../ecma/link.js";
import { refreshNamespace } from "../ecma/namespace.js";
import type { ImportHolder } from "../model/module-body.js";

export interface RelinkSet {
	/** Staying importers to relink, in discovery order. */
	readonly importers: readonly HotController[];
	/** Those whose own exports resolve through a replaced module. */
	readonly reexporters: ReadonlySet<HotController>;
}

/** Whether `instance` re-exports (`export *`, `export { x } from`, `export * as ns from`) from `dependency`. */
function reexportsFrom(instance: ModuleInstance, dependency: HotController): boolean {
	const { version } = instance;
	const { starExports, indirectExports } = version.entries;
	for (const request of starExports) {
		if (version.controllerOf(request) === dependency) {
			return true;
		}
	}
	for (const entry of indirectExports.values()) {
		if (version.controllerOf(entry.request) === dependency) {
			return true;
		}
	}
	return false;
}

/** The staying importers affected by replacing `replace`. */
export function relinkSet(replace: ReadonlySet<HotController>): RelinkSet {
	const importers = new Set<HotController>();
	const reexporters = new Set<HotController>();
	const work = [ ...replace ];
	while (work.length > 0) {
		const changed = work.pop()!;
		for (const importer of changed.importers) {
			if (replace.has(importer)) {
				continue;
			}
			importers.add(importer);
			if (!reexporters.has(importer) && reexportsFrom(importer.current!, changed)) {
				reexporters.add(importer);
				work.push(importer);
			}
		}
	}
	return { importers: [ ...importers ], reexporters };
}

function dependenciesOf(instance: ModuleInstance, select: SelectRecord): ModuleRecord[] {
	const count = instance.version.metadata.requests.length;
	const records = new Array<ModuleRecord>(count);
	for (let index = 0; index < count; ++index) {
		records[index] = recordOf(instance.version.controllerOf(index), select);
	}
	return records;
}

/** A staying instance's new `[[LoadedModules]]` and import holder, not bound yet. */
export interface PreparedRelink {
	readonly instance: ModuleInstance;
	readonly dependencies: ModuleRecord[];
	readonly holder: ImportHolder;
	readonly reexports: boolean;
}

/**
 * Resolves the imports (and the re-exports) of the relink set against the records `select`
 * answers, without changing anything that runs. Throws the first link error; `onModule` names
 * the module being checked, for the report.
 */
export function prepareRelink(set: RelinkSet, select: SelectRecord, onModule: (controller: HotController) => void): PreparedRelink[] {
	// Every member sees the new records first: a name may resolve through another member.
	const previous = set.importers.map(controller => {
		const instance = controller.current!;
		const dependencies = instance.dependencies;
		instance.dependencies = dependenciesOf(instance, select);
		return dependencies;
	});
	try {
		return set.importers.map(controller => {
			onModule(controller);
			const instance = controller.current!;
			const reexports = set.reexporters.has(controller);
			if (reexports) {
				validateIndirectExports(instance);
			}
			return { instance, dependencies: instance.dependencies!, holder: importHolder(instance), reexports };
		});
	} finally {
		set.importers.forEach((controller, index) => {
			controller.current!.dependencies = previous[index];
		});
	}
}

/** Binds prepared holders, once the records they were resolved against are the running ones. */
export function bindRelinked(prepared: readonly PreparedRelink[]): void {
	for (const { instance, dependencies } of prepared) {
		instance.dependencies = dependencies;
	}
	for (const { instance, holder, reexports } of prepared) {
		instance.holder = holder;
		instance.rebind!(holder);
		if (reexports) {
			refreshNamespace(instance);
		}
	}
}

/**
 * Binds `controllers` to the running instances of their dependencies, each on its own: after an
 * evaluation error left old and new instances side by side, one that cannot link keeps its
 * previous binding and the error is reported through `onError`.
 */
export function relinkToRunning(controllers: readonly HotController[], onError: (controller: HotController, error: unknown) => void): void {
	const running = (controller: HotController) => controller.current!;
	const previous = new Map<ModuleInstance, ModuleRecord[] | undefined>();
	for (const controller of controllers) {
		const instance = controller.current!;
		previous.set(instance, instance.dependencies);
		instance.dependencies = dependenciesOf(instance, running);
	}
	for (const controller of controllers) {
		const instance = controller.current!;
		try {
			validateIndirectExports(instance);
			const holder = importHolder(instance);
			instance.holder = holder;
			instance.rebind!(holder);
			refreshNamespace(instance);
		} catch (error) {
			instance.dependencies = previous.get(instance);
			onError(controller, error);
		}
	}
}
