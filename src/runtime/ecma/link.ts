// Link() and InnerModuleLinking() (ECMAScript 16.2.1.5.1), and InitializeEnvironment() of a
// Source Text Module Record (16.2.1.6.4) for the transformed module bodies: the environment is
// instantiated when linking reaches the module (so a cycle can read hoisted functions of any
// member), and the import holder is built once every dependency has been reached. As in the
// specification, where LoadRequestedModules() has filled `[[LoadedModules]]` before Link() runs,
// every module the link reaches knows its dependencies before any environment is initialized:
// ResolveExport follows re-exports through modules that linking has not reached yet (a cycle
// entered at a module whose star export comes later in its request order).

import { linkSyntaxError } from "../../transform/error.js";
import type { HotController, ModuleController } from "../model/controller.js";
import type { ModuleInstance, ModuleRecord } from "../model/instance.js";
import { NAMESPACE } from "../model/metadata.js";
import { bindingReader, namespaceOf } from "./namespace.js";
import { resolveExport } from "./resolve-export.js";
import type { ImportHolder } from "../model/module-body.js";

/** Picks the record of a controller that a link should use (current, staged for an update, …). */
export type SelectRecord = (controller: HotController) => ModuleInstance;

export function recordOf(controller: ModuleController, select: SelectRecord): ModuleRecord {
	return controller.kind === "adapter" ? controller : select(controller);
}

/**
 * Links `module` and everything it reaches that is not linked yet. Each strongly connected
 * component that becomes linked is appended to `components`, dependencies before importers.
 */
export function link(module: ModuleInstance, select: SelectRecord, components: ModuleInstance[][]): void {
	const loaded = loadRequestedModules(module, select);
	try {
		innerModuleLinking(module, components);
	} catch (error) {
		for (const member of loaded) {
			if (member.status !== "linked") {
				member.status = "new";
				member.dependencies = undefined;
			}
		}
		throw error;
	}
}

/**
 * `[[LoadedModules]]` of `module` and of every module it reaches that is not linked yet, in the
 * records `select` answers. Answers the modules whose dependencies were set.
 */
function loadRequestedModules(module: ModuleInstance, select: SelectRecord): ModuleInstance[] {
	const loaded: ModuleInstance[] = [];
	const work = [ module ];
	while (work.length > 0) {
		const next = work.pop()!;
		if (next.status !== "new" || next.dependencies !== undefined) {
			continue;
		}
		const { version } = next;
		const count = version.metadata.requests.length;
		const dependencies = new Array<ModuleRecord>(count);
		for (let request = 0; request < count; ++request) {
			const record = recordOf(version.controllerOf(request), select);
			dependencies[request] = record;
			if (record.kind === "instance") {
				work.push(record);
			}
		}
		next.dependencies = dependencies;
		loaded.push(next);
	}
	return loaded;
}

interface LinkFrame {
	readonly module: ModuleInstance;
	readonly dependencies: readonly ModuleRecord[];
	/** The next dependency to visit. */
	next: number;
}

/**
 * InnerModuleLinking with an explicit stack instead of recursion, so that a chain of imports
 * as deep as the engine itself links does not overflow the JavaScript stack.
 */
function innerModuleLinking(start: ModuleInstance, components: ModuleInstance[][]): void {
	if (start.status !== "new") {
		return;
	}
	let index = 0;
	const stack: ModuleInstance[] = [];
	const frames: LinkFrame[] = [];
	const enter = (module: ModuleInstance) => {
		module.status = "linking";
		module.dfsIndex = index;
		module.dfsAncestorIndex = index;
		++index;
		stack.push(module);
		module.instantiate();
		frames.push({ module, dependencies: module.dependencies!, next: 0 });
	};
	enter(start);
	while (frames.length > 0) {
		const frame = frames[frames.length - 1];
		if (frame.next < frame.dependencies.length) {
			const required = frame.dependencies[frame.next++];
			if (required.kind === "instance") {
				if (required.status === "new") {
					enter(required);
				} else if (required.status === "linking") {
					frame.module.dfsAncestorIndex = Math.min(frame.module.dfsAncestorIndex, required.dfsAncestorIndex);
				}
			}
			continue;
		}
		frames.pop();
		const { module } = frame;
		initializeEnvironment(module);
		if (module.dfsAncestorIndex === module.dfsIndex) {
			const component: ModuleInstance[] = [];
			let member: ModuleInstance;
			do {
				member = stack.pop()!;
				member.status = "linked";
				component.push(member);
			} while (member !== module);
			components.push(component);
		}
		const parent = frames[frames.length - 1];
		if (parent !== undefined && module.status === "linking") {
			parent.module.dfsAncestorIndex = Math.min(parent.module.dfsAncestorIndex, module.dfsAncestorIndex);
		}
	}
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

/**
 * A resolution's SyntaxError (a missing or ambiguous name, a cycle of re-exports) as the error of
 * `module`, which Node prints naming that module rather than the runtime's line that made it.
 */
function asLinkError(module: ModuleInstance, error: unknown): unknown {
	return error instanceof SyntaxError ? linkSyntaxError(error.message, module.controller.url) : error;
}

/** Every indirect export must resolve (InitializeEnvironment step 1). */
export function validateIndirectExports(module: ModuleInstance): void {
	const { requests } = module.version.metadata;
	try {
		for (const entry of module.version.entries.indirectExports.values()) {
			if (entry.importName !== NAMESPACE) {
				resolveExport(module, entry.exportName, requests[entry.request].specifier);
			}
		}
	} catch (error) {
		throw asLinkError(module, error);
	}
}

/** The import holder: one reader per imported local name, resolved against `dependencies`. */
export function importHolder(module: ModuleInstance): ImportHolder {
	const holder = Object.create(null) as ImportHolder;
	const { requests } = module.version.metadata;
	const dependencies = module.dependencies!;
	try {
		for (const entry of module.version.entries.importEntries) {
			const imported = dependencies[entry.request];
			if (entry.importName === NAMESPACE) {
				holder[entry.localName] = () => namespaceOf(imported);
			} else {
				const binding = resolveExport(imported, entry.importName, requests[entry.request].specifier);
				holder[entry.localName] = bindingReader(binding);
			}
		}
	} catch (error) {
		throw asLinkError(module, error);
	}
	return holder;
}
