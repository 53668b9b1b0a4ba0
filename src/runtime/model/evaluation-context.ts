// Which hot module is being evaluated, as code it calls sees it: a package's `import()` of one of
// the application's files (route and plugin loaders) reaches the runtime through the file's
// facade (src/hooks/facade.ts), which asks who caused it (`evaluatingInstance` of ./instance.ts,
// which makes the one context). An AsyncLocalStorage holds the instance around its body, so the
// answer also reaches the asynchronous work the body starts (`await app.register(autoload)`),
// through Node's loader and its hooks, on every Node version.
//
// Only while the body runs: its synchronous part, or until its top-level await settles. A
// timer or a request handler the body left behind is not the evaluation; it sees no instance.
//
// Cost: on Node 20 and 22 an enabled AsyncLocalStorage installs promise hooks, which tax every
// promise of the process: 2 million `await`s took 107–126ms with it disabled and 291–306ms
// enabled on Node 20 (453 → 1,260ms on Node 22 under load); on Node 24, which propagates the
// store with AsyncContextFrame, 103–107 and 104–112ms. Left enabled, it would slow a promise-heavy
// application two- to threefold on Node 20 for the life of the process. So the storage is
// disabled whenever no body runs: the hooks are there during start-up, updates and `import()`s
// that evaluate modules. The start-up of the 2,000-module benchmark app (warm transform cache,
// process CPU time, medians of 7) then costs 2% more on Node 20 (3,524 → 3,593ms) and 3% on Node
// 24 (1,427 → 1,464ms), within the noise of that machine.

import { AsyncLocalStorage } from "node:async_hooks";

/** Told when bodies start running (none ran before) and when the last one stops: what watches evaluations (the side-effect sentinel) costs nothing in between. */
export interface EvaluationObserver {
	opened(): void;
	closed(): void;
}

/** Which of the `Module`s' bodies the running code belongs to (the model makes one: ./instance.ts). */
export class EvaluationContext<Module extends object> {
	readonly #evaluating = new AsyncLocalStorage<Module>();
	// The modules whose body runs now (several: an `import()` inside a body evaluates others).
	readonly #running = new Set<Module>();
	#observer: EvaluationObserver | undefined;

	/** Installed once, by the runtime's entry, before any body runs. */
	observe(observer: EvaluationObserver): void {
		this.#observer = observer;
	}

	#finish(module: Module): void {
		this.#running.delete(module);
		if (this.#running.size === 0) {
			this.#evaluating.disable();
			this.#observer?.closed();
		}
	}

	/** Runs a step of `module`'s body (`body.next()`); a promise it answers keeps the evaluation open until it settles. */
	runBody<Result>(module: Module, step: () => Result): Result {
		if (this.#running.size === 0) {
			this.#observer?.opened();
		}
		this.#running.add(module);
		let result: Result;
		try {
			result = this.#evaluating.run(module, step);
		} catch (error) {
			this.#finish(module);
			throw error;
		}
		if (result instanceof Promise) {
			result.then(() => this.#finish(module), () => this.#finish(module));
		} else {
			this.#finish(module);
		}
		return result;
	}

	/**
	 * `module` no longer counts as being evaluated, though its body has not settled (an update gave
	 * up waiting for it): code it runs later is not its evaluation, and the storage's cost ends.
	 */
	forget(module: Module): void {
		if (this.#running.has(module)) {
			this.#finish(module);
		}
	}

	/** The module whose evaluation the running code belongs to, if it is still being evaluated. */
	current(): Module | undefined {
		const module = this.#evaluating.getStore();
		return module !== undefined && this.#running.has(module) ? module : undefined;
	}
}
