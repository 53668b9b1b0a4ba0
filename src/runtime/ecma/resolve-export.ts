// ResolveExport and GetExportedNames (ECMAScript 16.2.1.6.2 and .3), with the errors worded as
// V8 words them: a resolution that must succeed (an import, an indirect export, and the chain of
// indirect exports behind them) throws at the deepest request that fails, naming its specifier.

import type { AdapterModule } from "../model/adapter.js";
import type { ModuleInstance } from "../model/instance.js";
import { NAMESPACE } from "../model/metadata.js";
import type { ModuleRecord } from "../model/instance.js";
import type { ImportName } from "../model/metadata.js";

export const AMBIGUOUS = "ambiguous";
/** Where an export resolves to: a binding of a module (ResolvedBinding Record). */
export interface ResolvedBinding {
	readonly module: ModuleRecord;
	readonly bindingName: ImportName;
}

export type Resolution = ResolvedBinding | null | typeof AMBIGUOUS;

/**
 * The `resolveSet` of the specification: the export names already being resolved, per module.
 * Usually one name per module (a chain keeps its name unless an indirect export renames it),
 * so a lone name is kept as itself and only a second name makes a Set.
 */
type ResolveSet = Map<ModuleRecord, string | Set<string>>;

/**
 * Adds `exportName` of `module` to `resolveSet` (made on first use) before the resolution goes on
 * to another module. Answers the set, or undefined for a circular import request, which throws
 * when the resolution must succeed.
 */
function addToResolveSet(module: ModuleRecord, exportName: string, resolveSet: ResolveSet | undefined, specifier: string | undefined): ResolveSet | undefined {
	if (resolveSet === undefined) {
		return new Map([ [ module, exportName ] ]);
	}
	const names = resolveSet.get(module);
	if (names === undefined) {
		resolveSet.set(module, exportName);
	} else if (typeof names === "string" ? names === exportName : names.has(exportName)) {
		if (specifier !== undefined) {
			throw new SyntaxError(`Detected cycle while resolving name '${exportName}' in '${specifier}'`);
		}
		return undefined;
	} else if (typeof names === "string") {
		resolveSet.set(module, new Set([ names, exportName ]));
	} else {
		names.add(exportName);
	}
	return resolveSet;
}

function dependency(module: ModuleInstance, request: number): ModuleRecord {
	const record = module.dependencies?.[request];
	if (record === undefined) {
		throw new Error(`dynohot: ${module.controller.url} was not linked`);
	}
	return record;
}

function requestSpecifier(module: ModuleInstance, request: number): string {
	return module.version.metadata.requests[request].specifier;
}

export function unresolvableExport(specifier: string, name: string): SyntaxError {
	return new SyntaxError(`The requested module '${specifier}' does not provide an export named '${name}'`);
}

export function ambiguousExport(specifier: string, name: string): SyntaxError {
	return new SyntaxError(`The requested module '${specifier}' contains conflicting star exports for name '${name}'`);
}

function resolveAdapterExport(module: AdapterModule, exportName: string): ResolvedBinding | null {
	return Object.hasOwn(module.namespace, exportName) ? { module, bindingName: exportName } : null;
}

/**
 * `module.ResolveExport(exportName)`. With `specifier` (the request through which `module` was
 * reached) the resolution must succeed: failures throw instead of answering `null` or ambiguous.
 */
export function resolveExport(module: ModuleRecord, exportName: string, specifier: string): ResolvedBinding;
export function resolveExport(module: ModuleRecord, exportName: string, specifier?: string): Resolution;
export function resolveExport(module: ModuleRecord, exportName: string, specifier?: string): Resolution {
	return resolveExportIn(module, exportName, undefined, specifier);
}

/**
 * `module.ResolveExport(exportName, resolveSet)`. The set only matters to a module that goes on
 * to another module (an indirect or star export): one that answers by itself gives the same
 * answer however often it is reached, so it is never added, and a resolution that stays within
 * one module (the common case: a local export) allocates no set at all.
 */
function resolveExportIn(module: ModuleRecord, exportName: string, resolveSet: ResolveSet | undefined, specifier: string | undefined): Resolution {
	const resolution = resolveExportOf(module, exportName, resolveSet, specifier);
	if (specifier !== undefined) {
		if (resolution === null) {
			throw unresolvableExport(specifier, exportName);
		} else if (resolution === AMBIGUOUS) {
			throw ambiguousExport(specifier, exportName);
		}
	}
	return resolution;
}

function resolveExportOf(module: ModuleRecord, exportName: string, resolveSet: ResolveSet | undefined, specifier: string | undefined): Resolution {
	if (module.kind === "adapter") {
		return resolveAdapterExport(module, exportName);
	}
	const { localExports, indirectExports, starExports } = module.version.entries;
	if (localExports.has(exportName)) {
		return { module, bindingName: exportName };
	}
	const indirect = indirectExports.get(exportName);
	if (indirect !== undefined) {
		if (indirect.importName === NAMESPACE) {
			return { module: dependency(module, indirect.request), bindingName: NAMESPACE };
		}
		const set = addToResolveSet(module, exportName, resolveSet, specifier);
		if (set === undefined) {
			return null;
		}
		const next = specifier === undefined ? undefined : requestSpecifier(module, indirect.request);
		return resolveExportIn(dependency(module, indirect.request), indirect.importName, set, next);
	}
	if (exportName === "default" || starExports.length === 0) {
		// `export *` never provides a default export.
		return null;
	}
	const set = addToResolveSet(module, exportName, resolveSet, specifier);
	if (set === undefined) {
		return null;
	}
	let starResolution: ResolvedBinding | null = null;
	for (const request of starExports) {
		const resolution = resolveExportOf(dependency(module, request), exportName, set, undefined);
		if (resolution === AMBIGUOUS) {
			return AMBIGUOUS;
		}
		if (resolution !== null) {
			if (starResolution === null) {
				starResolution = resolution;
			} else if (resolution.module !== starResolution.module || resolution.bindingName !== starResolution.bindingName) {
				return AMBIGUOUS;
			}
		}
	}
	return starResolution;
}

/** `module.GetExportedNames()`. */
export function getExportedNames(module: ModuleRecord): string[] {
	if (module.kind === "adapter") {
		return Object.keys(module.namespace);
	}
	const { localExports, indirectExports, starExports } = module.version.entries;
	const names = [ ...localExports, ...indirectExports.keys() ];
	if (starExports.length > 0) {
		// The specification's lists, flattened: each star export's names (its own and, depth
		// first, those of its star exports) join once, in the order they are first met; a
		// module reached again through another `export *` adds nothing.
		const seen = new Set(names);
		const exportStarSet = new Set<ModuleRecord>([ module ]);
		for (const request of starExports) {
			addStarExportedNames(dependency(module, request), exportStarSet, seen, names);
		}
	}
	return names;
}

/** Appends the names `module` gives through an `export *` (never `default`) that are not in `seen`. */
function addStarExportedNames(module: ModuleRecord, exportStarSet: Set<ModuleRecord>, seen: Set<string>, names: string[]): void {
	if (exportStarSet.has(module)) {
		return;
	}
	const add = (name: string) => {
		if (name !== "default" && !seen.has(name)) {
			seen.add(name);
			names.push(name);
		}
	};
	if (module.kind === "adapter") {
		Object.keys(module.namespace).forEach(add);
		return;
	}
	exportStarSet.add(module);
	const { localExports, indirectExports, starExports } = module.version.entries;
	localExports.forEach(add);
	for (const name of indirectExports.keys()) {
		add(name);
	}
	for (const request of starExports) {
		addStarExportedNames(dependency(module, request), exportStarSet, seen, names);
	}
}
