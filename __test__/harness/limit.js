// ava runs the tests of one file concurrently; each end-to-end test starts a node process, so a
// file with many of them would start them all at once. `limit(n)` queues work beyond n at a time.
export const defaultParallelApps = Number(process.env.DYNOHOT_TEST_PARALLEL) || 3;

/**
 * @param {number} count
 * @returns {<T>(work: () => Promise<T>) => Promise<T>}
 */
export function limit(count = defaultParallelApps) {
	let running = 0;
	/** @type {(() => void)[]} */
	const waiting = [];
	return async work => {
		if (running >= count) {
			await new Promise(resolve => waiting.push(() => resolve(undefined)));
		}
		++running;
		try {
			return await work();
		} finally {
			--running;
			waiting.shift()?.();
		}
	};
}

/**
 * ava's `test`, with at most `count` of the calling file's tests (each an application) running
 * at once.
 * @param {import("ava").TestFn} anyTest
 * @param {number} [count]
 */
export function queuedTest(anyTest, count = defaultParallelApps) {
	const queue = limit(count);
	/**
	 * @param {string} title
	 * @param {(t: import("ava").ExecutionContext) => Promise<void>} body
	 */
	return (title, body) => anyTest(title, t => queue(() => body(t)));
}
