// The two kinds of module records the linker and evaluator meet, and the controllers the stubs
// hand to the runtime: a hot module's controller, or an adapter (which is its own controller,
// since it never changes).

import type { AdapterModule, adapterFor } from "./adapter.js";
import type { HotController } from "./controller.js";
import type { ModuleInstance } from "./instance.js";
import type { ImportName, ModuleMetadata } from "./metadata.js";
import type { ModuleBody, ModuleSource } from "./version.js";

export type ModuleRecord = ModuleInstance | AdapterModule;
export type ModuleController = HotController | AdapterModule;

/** What a stub's (or an adapter's) default export is called with: the runtime's entry points for registering modules. */
export interface StubRuntime {
	/** The controller of the hot module `url`; a higher `versionNumber` registers a newer version of its code. */
	readonly acquire: (
		url: string,
		versionNumber: number,
		execute: ModuleBody,
		metadata: ModuleMetadata,
		dependencies: readonly ModuleFunction[],
		source: ModuleSource,
	) => HotController;
	readonly adapter: typeof adapterFor;
}

/** What `dependencies[i]` of a stub is: a function answering the controller of request `i`, given the runtime. */
export type ModuleFunction = (runtime: StubRuntime) => ModuleController;

export interface ResolvedBinding {
	readonly module: ModuleRecord;
	readonly bindingName: ImportName;
}

/** Picks the record of a controller that a link should use (current, staged for an update, …). */
export type SelectRecord = (controller: HotController) => ModuleInstance;
