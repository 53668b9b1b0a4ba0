// One version of a hot module's code: the module body generator, its metadata, and the stubs of
// its requests. Every file change produces a new version; re-evaluating a module with unchanged
// code makes a new instance of the same version.

import type { CompilerOptions } from "../../transform/backend.js";
import { entriesOf, type ModuleEntries, type ModuleMetadata } from "./metadata.js";
import type { ModuleController, ModuleFunction, StubRuntime } from "./controller.js";
import type { ModuleBody } from "./module-body.js";

export interface ModuleSource {
	/** How the next version of the file is transformed. */
	readonly format: "javascript" | "typescript" | "json";
	/** `file`: read and transform in the main thread; `hooks`: import `?dynohot-version=n`. */
	readonly reload: "file" | "hooks";
	/** `.tsx`, `.jsx`: the transform parses and compiles JSX. */
	readonly jsx?: boolean;
	/** The tsconfig.json options the transform applies (`dynohot/transform`'s `CompilerOptions`). */
	readonly compilerOptions?: CompilerOptions;
}

export class ModuleVersion {
	readonly #dependencies: readonly ModuleFunction[];
	readonly #controllers: (ModuleController | undefined)[];
	#entries: ModuleEntries | undefined;

	constructor(
		readonly number: number,
		readonly execute: ModuleBody,
		readonly metadata: ModuleMetadata,
		dependencies: readonly ModuleFunction[],
		/** What the stubs of `dependencies` are called with: the runtime the module belongs to. */
		readonly stubRuntime: StubRuntime,
	) {
		if (typeof metadata.prefix !== "string" || typeof metadata.execute !== "string") {
			throw new TypeError("dynohot: module metadata without `prefix` and `execute`; the transform and the runtime disagree");
		}
		if (dependencies.length !== metadata.requests.length) {
			throw new TypeError("dynohot: one dependency per request is required");
		}
		this.#dependencies = dependencies;
		this.#controllers = new Array<ModuleController | undefined>(dependencies.length);
	}

	get entries(): ModuleEntries {
		return this.#entries ??= entriesOf(this.metadata);
	}

	/** The controller of request `index`; the stub functions are called once, on first use. */
	controllerOf(index: number): ModuleController {
		let controller = this.#controllers[index];
		if (controller === undefined) {
			controller = this.#dependencies[index](this.stubRuntime);
			this.#controllers[index] = controller;
		}
		return controller;
	}
}
