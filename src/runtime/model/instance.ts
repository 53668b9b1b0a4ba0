// One evaluation of a module version: a Cyclic Module Record (ECMAScript 16.2.1.5) whose
// environment is the transformed module body, a generator. Resuming it the first time
// instantiates (hoisted functions, `$hot$link`); the second time runs the body.

import type { AdapterModule } from "./adapter.js";
import type { HotController, ModuleController } from "./controller.js";
import { EvaluationContext, type EvaluationObserver } from "./evaluation-context.js";
import { createHotState, type HotState } from "./hot-state.js";
import type { Accessors, ImportHolder, Rebind, WrittenExport } from "./module-body.js";
import type { ModuleVersion } from "./version.js";

/** The two kinds of module records the linker and evaluator meet. */
export type ModuleRecord = ModuleInstance | AdapterModule;

export type ModuleStatus = "new" | "linking" | "linked" | "evaluating" | "evaluating-async" | "evaluated";

export interface PromiseCapability {
	readonly promise: Promise<void>;
	readonly resolve: () => void;
	readonly reject: (reason: unknown) => void;
}

export function newPromiseCapability(): PromiseCapability {
	let resolve!: () => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<void>((resolveFn, rejectFn) => {
		resolve = resolveFn;
		reject = rejectFn;
	});
	return { promise, resolve, reject };
}

// Which module's body threw an error (errors travel to every importer; reports name the origin).
const errorOrigins = new WeakMap<object, ModuleInstance>();

function noteOrigin(error: unknown, module: ModuleInstance): void {
	if (typeof error === "object" && error !== null && !errorOrigins.has(error)) {
		errorOrigins.set(error, module);
	}
}

export function errorOrigin(error: unknown): ModuleInstance | undefined {
	return typeof error === "object" && error !== null ? errorOrigins.get(error) : undefined;
}

export class ModuleInstance {
	readonly kind = "instance";

	// Cyclic Module Record fields
	status: ModuleStatus = "new";
	dfsIndex = 0;
	dfsAncestorIndex = 0;
	cycleRoot: ModuleInstance | undefined;
	hasEvaluationError = false;
	evaluationError: unknown;
	/** `[[AsyncEvaluationOrder]]`: unset, an order number, or done. */
	asyncEvaluationOrder: number | "done" | undefined;
	topLevelCapability: PromiseCapability | undefined;
	asyncParentModules: ModuleInstance[] = [];
	pendingAsyncDependencies = 0;

	/** `[[LoadedModules]]` in request order; set when linking starts, replaced by a relink. */
	dependencies: ModuleRecord[] | undefined;
	/** Controllers reached through `import()` by this instance, by specifier as written. */
	readonly dynamicImports = new Map<string, Set<ModuleController>>();
	/** The import holder currently bound (kept for relinking decisions). */
	holder: ImportHolder | undefined;

	/** For a module with top-level await: settles when its body can be resumed synchronously. */
	instantiated: Promise<void> | undefined;
	accessors: Accessors | undefined;
	rebind: Rebind | undefined;
	#body: Generator<undefined, void, undefined> | AsyncGenerator<undefined, void, undefined> | undefined;
	#namespace: object | undefined;
	readonly hotState: HotState = createHotState();

	constructor(
		readonly controller: HotController,
		readonly version: ModuleVersion,
	) {}

	/** Forwards a write of the running instance to the followers of the module's exports, if any. */
	readonly #written: WrittenExport = (name, value) => {
		const { followers, current } = this.controller;
		if (followers !== undefined && current === this) {
			// The binding's new value (`count++` evaluates to the old one).
			const stored = this.accessors![name]();
			for (const follower of followers) {
				follower.written(name, stored);
			}
		}
		return value;
	};

	get hasTLA(): boolean {
		return this.version.metadata.async;
	}

	get cachedNamespace(): object | undefined {
		return this.#namespace;
	}

	set cachedNamespace(namespace: object | undefined) {
		this.#namespace = namespace;
	}

	/** Creates the module environment: runs the preamble up to the first `yield`. */
	instantiate(): void {
		// Most modules never read `import.meta`: they cost neither the object nor their `Hot`.
		const { host } = this.controller;
		const meta = this.version.metadata.usesImportMeta ? host.importMeta(this) : {};
		// Called without a receiver: top-level `this` in the body is the generator's own `this`,
		// which must be `undefined` as in a module (contract §2).
		const { execute } = this.version;
		const body = execute(meta, (specifier, options) => host.importFrom(this, specifier, options), (rebind, accessors): WrittenExport => {
			this.rebind = rebind;
			this.accessors = accessors;
			return this.#written;
		});
		this.#body = body;
		const started = body.next();
		if (started instanceof Promise) {
			// An async generator's `yield` awaits: the body can only resume synchronously (as
			// ExecuteModule must run it up to its first `await`) once this step has settled.
			this.instantiated = started.then(() => {});
		}
		if (this.accessors === undefined) {
			throw new TypeError(`dynohot: the module body of ${this.controller.url} did not call its link function`);
		}
	}

	/** ExecuteModule() of a synchronous module. */
	executeSync(): void {
		const body = this.#body as Generator<undefined, void, undefined>;
		this.#body = undefined;
		let result: IteratorResult<undefined, void>;
		try {
			result = evaluationContext.runBody(this, () => body.next());
		} catch (error) {
			noteOrigin(error, this);
			throw error;
		} finally {
			this.controller.exportsChanged(this);
		}
		if (!result.done) {
			throw new TypeError(`dynohot: the module body of ${this.controller.url} yielded twice`);
		}
	}

	/** ExecuteModule(capability) of a module with top-level await. */
	executeAsync(capability: PromiseCapability): void {
		const body = this.#body as AsyncGenerator<undefined, void, undefined>;
		this.#body = undefined;
		evaluationContext.runBody(this, () => body.next()).then(() => {
			this.controller.exportsChanged(this);
			capability.resolve();
		}, (error: unknown) => {
			noteOrigin(error, this);
			this.controller.exportsChanged(this);
			capability.reject(error);
		});
	}

	/** An update gave up waiting for this instance's evaluation (docs/semantics.md §6.5): it is not being evaluated any more. */
	abandonEvaluation(): void {
		evaluationContext.forget(this);
	}

	/** All controllers this instance depends on: requests and `import()` targets. */
	*dependencyControllers(): Generator<ModuleController> {
		const { requests } = this.version.metadata;
		for (let index = 0; index < requests.length; ++index) {
			yield this.version.controllerOf(index);
		}
		for (const controllers of this.dynamicImports.values()) {
			yield* controllers;
		}
	}
}

// One per thread: which instance's body runs is a question about the thread's async context.
const evaluationContext = new EvaluationContext<ModuleInstance>();

/** The hot module whose evaluation the running code belongs to, if it is still being evaluated. */
export function evaluatingInstance(): ModuleInstance | undefined {
	return evaluationContext.current();
}

/** `observer` is told when bodies start and stop running (installed once, by the runtime's entry, before any body runs). */
export function observeEvaluations(observer: EvaluationObserver): void {
	evaluationContext.observe(observer);
}
