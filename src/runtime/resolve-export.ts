// ResolveExport and GetExportedNames (ECMAScript 16.2.1.6.2 and .3), with the errors worded as
// V8 words them: a resolution that must succeed (an import, an indirect export, and the chain of
// indirect exports behind them) throws at the deepest request that fails, naming its specifier.

import type { AdapterModule } from "./adapter.js";
import type { ModuleInstance } from "./instance.js";
import { NAMESPACE } from "./metadata.js";
import type { ModuleRecord, ResolvedBinding } from "./module-record.js";

export const AMBIGUOUS = "ambiguous";
export type Resolution = ResolvedBinding | null | typeof AMBIGUOUS;

/** The `resolveSet` of the specification: names already being resolved, per module. */
export type ResolveSet = Map<ModuleRecord, Set<string>>;

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
 * `module.ResolveExport(exportName, resolveSet)`. With `specifier` (the request through which
 * `module` was reached) the resolution must succeed: failures throw instead of answering
 * `null` or ambiguous.
 */
export function resolveExport(module: ModuleRecord, exportName: string, resolveSet: ResolveSet, specifier: string): ResolvedBinding;
export function resolveExport(module: ModuleRecord, exportName: string, resolveSet: ResolveSet, specifier?: string): Resolution;
export function resolveExport(module: ModuleRecord, exportName: string, resolveSet: ResolveSet, specifier?: string): Resolution {
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

function resolveExportOf(module: ModuleRecord, exportName: string, resolveSet: ResolveSet, specifier: string | undefined): Resolution {
	if (module.kind === "adapter") {
		return resolveAdapterExport(module, exportName);
	}
	let names = resolveSet.get(module);
	if (names === undefined) {
		names = new Set();
		resolveSet.set(module, names);
	} else if (names.has(exportName)) {
		// A circular import request.
		if (specifier !== undefined) {
			throw new SyntaxError(`Detected cycle while resolving name '${exportName}' in '${specifier}'`);
		}
		return null;
	}
	names.add(exportName);
	const { localExports, indirectExports, starExports } = module.version.entries;
	if (localExports.has(exportName)) {
		return { module, bindingName: exportName };
	}
	const indirect = indirectExports.get(exportName);
	if (indirect !== undefined) {
		const imported = dependency(module, indirect.request);
		if (indirect.importName === NAMESPACE) {
			return { module: imported, bindingName: NAMESPACE };
		}
		const next = specifier === undefined ? undefined : requestSpecifier(module, indirect.request);
		return resolveExport(imported, indirect.importName, resolveSet, next);
	}
	if (exportName === "default") {
		// `export *` never provides a default export.
		return null;
	}
	let starResolution: ResolvedBinding | null = null;
	for (const request of starExports) {
		const resolution = resolveExport(dependency(module, request), exportName, resolveSet);
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

/** `module.GetExportedNames(exportStarSet)`. */
export function getExportedNames(module: ModuleRecord, exportStarSet = new Set<ModuleRecord>()): string[] {
	if (module.kind === "adapter") {
		return Object.keys(module.namespace);
	}
	if (exportStarSet.has(module)) {
		return [];
	}
	exportStarSet.add(module);
	const { localExports, indirectExports, starExports } = module.version.entries;
	const names = [ ...localExports, ...indirectExports.keys() ];
	if (starExports.length > 0) {
		const seen = new Set(names);
		for (const request of starExports) {
			for (const name of getExportedNames(dependency(module, request), exportStarSet)) {
				if (name !== "default" && !seen.has(name)) {
					seen.add(name);
					names.push(name);
				}
			}
		}
	}
	return names;
}
