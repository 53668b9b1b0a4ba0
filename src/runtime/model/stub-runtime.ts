// What the function a stub (or an adapter) default-exports is called with: the runtime's entry
// points for registering modules (docs/transform-contract.md §4). Whoever calls the function
// passes them, so stubs and adapters do not import the runtime: that import cost a resolve, a
// module-map lookup and a link for every module.

import { adapterFor } from "./adapter.js";
import { controllerAcquirer, type RuntimeHost, type StubRuntime } from "./controller.js";

/** The entry points of the runtime whose host is `host`: the modules they register belong to it. */
export function stubRuntimeOf(host: RuntimeHost): StubRuntime {
	return { acquire: controllerAcquirer(host), adapter: adapterFor };
}
