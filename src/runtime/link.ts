// Link() and InnerModuleLinking() (ECMAScript 16.2.1.5.1), and InitializeEnvironment() of a
// Source Text Module Record (16.2.1.6.4) for the transformed module bodies: the environment is
// instantiated when linking reaches the module (so a cycle can read hoisted functions of any
// member), and the import holder is built once every dependency has been reached.

import type { ModuleInstance } from "./instance.js";
import { NAMESPACE } from "./metadata.js";
import type { ModuleController, ModuleRecord, SelectRecord } from "./module-record.js";
import { bindingReader, namespaceOf } from "./namespace.js";
import { resolveExport } from "./resolve-export.js";
import type { ImportHolder } from "./version.js";

export function recordOf(controller: ModuleController, select: SelectRecord): ModuleRecord {
	return controller.kind === "adapter" ? controller : select(controller);
}

/**
 * Links `module` and everything it reaches that is not linked yet. Each strongly connected
 * component that becomes linked is appended to `units`, dependencies before importers.
 */
export function link(module: ModuleInstance, select: SelectRecord, units: ModuleInstance[][]): void {
	const stack: ModuleInstance[] = [];
	try {
		innerModuleLinking(module, select, stack, 0, units);
	} catch (error) {
		for (const member of stack) {
			member.status = "new";
			member.dependencies = undefined;
		}
		throw error;
	}
}

function innerModuleLinking(module: ModuleRecord, select: SelectRecord, stack: ModuleInstance[], index: number, units: ModuleInstance[][]): number {
	if (module.kind === "adapter" || module.status !== "new") {
		return index;
	}
	module.status = "linking";
	module.dfsIndex = index;
	module.dfsAncestorIndex = index;
	++index;
	stack.push(module);
	module.instantiate();
	const { version } = module;
	const count = version.metadata.requests.length;
	const dependencies = new Array<ModuleRecord>(count);
	for (let request = 0; request < count; ++request) {
		dependencies[request] = recordOf(version.controllerOf(request), select);
	}
	module.dependencies = dependencies;
	for (const required of dependencies) {
		index = innerModuleLinking(required, select, stack, index, units);
		if (required.kind === "instance" && required.status === "linking") {
			module.dfsAncestorIndex = Math.min(module.dfsAncestorIndex, required.dfsAncestorIndex);
		}
	}
	initializeEnvironment(module);
	if (module.dfsAncestorIndex === module.dfsIndex) {
		const unit: ModuleInstance[] = [];
		let member: ModuleInstance;
		do {
			member = stack.pop()!;
			member.status = "linked";
			unit.push(member);
		} while (member !== module);
		units.push(unit);
	}
	return index;
}

// The module whose environment could not be initialized, for the report of an update.
const failedModules = new WeakMap<object, ModuleInstance>();

export function linkErrorModule(error: unknown): ModuleInstance | undefined {
	return typeof error === "object" && error !== null ? failedModules.get(error) : undefined;
}

function initializeEnvironment(module: ModuleInstance): void {
	let holder: ImportHolder;
	try {
		validateIndirectExports(module);
		holder = importHolder(module);
	} catch (error) {
		if (typeof error === "object" && error !== null && !failedModules.has(error)) {
			failedModules.set(error, module);
		}
		throw error;
	}
	module.holder = holder;
	module.rebind!(holder);
}

/** Every indirect export must resolve (InitializeEnvironment step 1). */
export function validateIndirectExports(module: ModuleInstance): void {
	const { requests } = module.version.metadata;
	for (const entry of module.version.entries.indirectExports.values()) {
		if (entry.importName !== NAMESPACE) {
			resolveExport(module, entry.exportName, new Map(), requests[entry.request]!.specifier);
		}
	}
}

/** The import holder: one reader per imported local name, resolved against `dependencies`. */
export function importHolder(module: ModuleInstance): ImportHolder {
	const holder: ImportHolder = Object.create(null);
	const { requests } = module.version.metadata;
	const dependencies = module.dependencies!;
	for (const entry of module.version.entries.importEntries) {
		const imported = dependencies[entry.request]!;
		if (entry.importName === NAMESPACE) {
			holder[entry.localName] = () => namespaceOf(imported);
		} else {
			const binding = resolveExport(imported, entry.importName, new Map(), requests[entry.request]!.specifier);
			holder[entry.localName] = bindingReader(binding);
		}
	}
	return holder;
}
