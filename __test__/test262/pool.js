// Runs asynchronous jobs with a bounded number in flight, keeping results in input order.

/**
 * @template Item, Result
 * @param {readonly Item[]} items
 * @param {number} concurrency
 * @param {(item: Item) => Promise<Result>} run
 * @param {(result: Result, done: number) => void} [onResult] called as each job settles
 * @returns {Promise<Result[]>}
 */
export async function runPool(items, concurrency, run, onResult) {
	/** @type {Result[]} */
	const results = new Array(items.length);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await run(items[index]);
			++done;
			onResult?.(results[index], done);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	return results;
}
