// Hook logic is written once, as generators that `yield*` every call to the next hook in the chain
// (`yield* settle(nextLoad(url, context))`). `registerHooks` (in-thread) needs the hooks to run
// synchronously and hands out synchronous `next*` functions; `register` (off-thread) hands out
// asynchronous ones. `runSync` and `runAsync` drive the same generator in either world.

/** Waits for `value` when the driver is asynchronous; passes it straight through otherwise. */
export function* settle<Type>(value: Type | Promise<Type>): Generator<Type | Promise<Type>, Type, unknown> {
	// The driver sends back exactly the settled value it was given.
	return (yield value) as Type;
}

/** Runs a hook generator whose `next*` calls returned plain values. */
export function runSync<Result>(generator: Generator<unknown, Result, unknown>): Result {
	let step = generator.next();
	while (step.done !== true) {
		if (step.value instanceof Promise) {
			throw new TypeError("dynohot: an asynchronous hook answered in a synchronous hook chain");
		}
		step = generator.next(step.value);
	}
	return step.value;
}

/** Runs a hook generator whose `next*` calls returned promises; a rejection is thrown into it. */
export async function runAsync<Result>(generator: Generator<unknown, Result, unknown>): Promise<Result> {
	let step = generator.next();
	while (step.done !== true) {
		let settled: unknown;
		let rejected = false;
		try {
			settled = await step.value;
		} catch (error) {
			rejected = true;
			settled = error;
		}
		step = rejected ? generator.throw(settled) : generator.next(settled);
	}
	return step.value;
}
