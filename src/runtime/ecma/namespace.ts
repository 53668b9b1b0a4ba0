// Module namespace exotic objects (ECMAScript 10.4.6) for hot module instances, as a Proxy over a
// frozen-shape target: null prototype, non-extensible, one writable non-configurable property
// per export (so the Proxy invariants hold while the trap reports live values), and
// `Symbol.toStringTag` = "Module". Adapters use the namespace Node made.

import type { ModuleInstance } from "../model/instance.js";
import { NAMESPACE } from "../model/metadata.js";
import type { ModuleRecord } from "../model/instance.js";
import { getExportedNames, resolveExport, type ResolvedBinding } from "./resolve-export.js";

/**
 * A zero-argument function reading a resolved binding (live; throws in its TDZ). Like an import
 * binding of the specification (CreateImportBinding), it may be made before the module it reads
 * has an environment: linking initializes a module of a cycle before the modules reached only
 * through re-exports of the cycle's other members. Such a reader finds the binding when read.
 */
export function bindingReader(binding: ResolvedBinding): () => unknown {
	const { module, bindingName } = binding;
	if (bindingName === NAMESPACE) {
		return () => namespaceOf(module);
	}
	if (module.kind === "adapter") {
		const namespace = module.namespace;
		return () => namespace[bindingName];
	}
	const { accessors } = module;
	if (accessors === undefined) {
		return () => module.accessors![bindingName]();
	}
	const accessor = accessors[bindingName];
	if (accessor === undefined) {
		throw new Error(`dynohot: ${module.controller.url} has no accessor for '${bindingName}'`);
	}
	return accessor;
}

export function namespaceOf(module: ModuleRecord): object {
	if (module.kind === "adapter") {
		return module.namespace;
	}
	return module.cachedNamespace ??= createNamespace(module);
}

/** Recomputes the namespace after a relink; importers keep the object when the names stay. */
export function refreshNamespace(module: ModuleInstance): void {
	const namespace = module.cachedNamespace;
	if (namespace !== undefined) {
		const bindings = exportBindings(module);
		const target = targets.get(namespace)!;
		if (sameKeys(tables.get(target)!, bindings)) {
			tables.set(target, bindings);
		} else {
			module.cachedNamespace = createNamespace(module, bindings);
		}
	}
}

function sameKeys(left: ReadonlyMap<string, unknown>, right: ReadonlyMap<string, unknown>): boolean {
	if (left.size !== right.size) {
		return false;
	}
	for (const key of left.keys()) {
		if (!right.has(key)) {
			return false;
		}
	}
	return true;
}

/** `[[Exports]]` with a reader per name, sorted by code units; ambiguous names are left out. */
function exportBindings(module: ModuleInstance): Map<string, () => unknown> {
	const names = getExportedNames(module).sort();
	const bindings = new Map<string, () => unknown>();
	for (const name of names) {
		const resolution = resolveExport(module, name);
		if (resolution !== null && resolution !== "ambiguous") {
			bindings.set(name, bindingReader(resolution));
		}
	}
	return bindings;
}

// The binding table of each namespace (by Proxy target), swappable by a relink.
const tables = new WeakMap<object, Map<string, () => unknown>>();
const targets = new WeakMap<object, object>();

function tableOf(target: object): Map<string, () => unknown> {
	return tables.get(target)!;
}

const handler: ProxyHandler<object> = {
	get(target, key, receiver) {
		if (typeof key === "symbol") {
			return Reflect.get(target, key, receiver) as unknown;
		}
		const read = tableOf(target).get(key);
		return read === undefined ? undefined : read();
	},
	getOwnPropertyDescriptor(target, key) {
		if (typeof key === "symbol") {
			return Reflect.getOwnPropertyDescriptor(target, key);
		}
		const read = tableOf(target).get(key);
		if (read === undefined) {
			return undefined;
		}
		return { value: read(), writable: true, enumerable: true, configurable: false };
	},
	defineProperty(target, key, descriptor) {
		if (typeof key === "symbol") {
			return Reflect.defineProperty(target, key, descriptor);
		}
		const read = tableOf(target).get(key);
		if (read === undefined) {
			return false;
		}
		const value = read();
		if (descriptor.configurable === true || descriptor.enumerable === false ||
			descriptor.get !== undefined || descriptor.set !== undefined || descriptor.writable === false) {
			return false;
		}
		return !("value" in descriptor) || Object.is(descriptor.value, value);
	},
	has(target, key) {
		return typeof key === "symbol" ? Reflect.has(target, key) : tableOf(target).has(key);
	},
	set() {
		return false;
	},
	deleteProperty(target, key) {
		return typeof key === "symbol" ? Reflect.deleteProperty(target, key) : !tableOf(target).has(key);
	},
	ownKeys(target) {
		return [ ...tableOf(target).keys(), Symbol.toStringTag ];
	},
	setPrototypeOf(target, prototype) {
		return Reflect.setPrototypeOf(target, prototype);
	},
};

function createNamespace(module: ModuleInstance, bindings = exportBindings(module)): object {
	const target = Object.create(null) as Record<PropertyKey, unknown>;
	for (const name of bindings.keys()) {
		Object.defineProperty(target, name, { value: undefined, writable: true, enumerable: true, configurable: false });
	}
	Object.defineProperty(target, Symbol.toStringTag, { value: "Module", writable: false, enumerable: false, configurable: false });
	Object.preventExtensions(target);
	tables.set(target, bindings);
	const namespace = new Proxy(target, handler);
	targets.set(namespace, target);
	return namespace;
}
