// What the module model and the loader need from the layers above them (the Hot API, `import()`,
// the watches of the update scheduler), handed to them instead of imported: the model knows
// nothing of updates, and no lower layer imports a higher one. The runtime object
// (src/runtime/runtime.ts) is the host; each controller keeps the host of the runtime it belongs to.

import type { ModuleInstance } from "./instance.js";
import type { HotController } from "./controller.js";
import type { StubRuntime } from "./module-record.js";
import type { ImportMetaObject } from "./version.js";

export interface RuntimeHost {
	/** What the function a stub or an adapter default-exports is called with. */
	readonly stubRuntime: StubRuntime;
	/** `import.meta` of `instance`, its `Hot` included (only for a body that reads `import.meta`). */
	importMeta(instance: ModuleInstance): ImportMetaObject;
	/** `import()` in the body of `instance`. */
	importFrom(instance: ModuleInstance, specifier: unknown, options?: unknown): Promise<unknown>;
	/** The module joined the running graph: its file is watched (the watch may start later). */
	watch(controller: HotController): void;
	/** Starts the watches asked for so far (before a graph evaluates). */
	startPendingWatches(): void;
	/** These modules joined the graph outside an update's plan (an update running now reports them). */
	noteLoadedModules(urls: readonly string[]): void;
}
