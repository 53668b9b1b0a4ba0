// A module that is not hot (CommonJS, builtins, node_modules, ignored files…): Node loaded and
// evaluated it natively, and the runtime sees it as an always-evaluated module record whose
// exports are the keys of its namespace.

export class AdapterModule {
	readonly kind = "adapter";
	readonly status = "evaluated";

	constructor(
		readonly url: string,
		readonly namespace: Readonly<Record<string, unknown>>,
	) {}
}

// Keyed by the namespace object: the same URL loaded with other attributes is another module.
const adapters = new WeakMap<object, AdapterModule>();

export function adapterFor(url: string, namespace: Readonly<Record<string, unknown>>): AdapterModule {
	let adapter = adapters.get(namespace);
	if (adapter === undefined) {
		adapter = new AdapterModule(url, namespace);
		adapters.set(namespace, adapter);
	}
	return adapter;
}
