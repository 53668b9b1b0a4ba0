// How the edit latency and restart benchmarks share the machine out among tools: every tool at
// every size once per run, in an order rotated each run, so that load from other work on a shared
// machine falls on every tool alike rather than on whichever ran during it.

import { firstLines } from "./format.js";

/**
 * The rows of every tool at every size, `makeRows(tool, size)` each, and the (tool, size) pairs
 * to measure. The rows of a tool that is unavailable say "n/a" and why, and are not measured.
 */
export function planToolRows({ sizes, tools, makeRows }) {
	const rows = [];
	const active = [];
	for (const size of sizes) {
		for (const tool of tools) {
			const toolRows = makeRows(tool, size);
			rows.push(...toolRows);
			const reason = tool.unavailable?.();
			if (reason) {
				for (const row of toolRows) {
					Object.assign(row, { status: "n/a", reason });
				}
			} else {
				active.push({ tool, size, toolRows });
			}
		}
	}
	return { rows, active };
}

/**
 * Calls `measure(entry, progress)` for every entry of `active`, once per run, in an order rotated
 * each run. `progress` reads e.g. "[5/12] run 2/3". When `measure` throws, the entry's rows are
 * marked failed with the error, which is logged as a line of `section`, and the entry is not
 * measured again.
 */
export async function runInterleaved({ section, active, runs, measure, log }) {
	const total = runs * active.length;
	let done = 0;
	for (let run = 0; run < runs; run++) {
		const order = active.map((_, index) => active[(index + run) % active.length]);
		for (const entry of order) {
			done++;
			if (entry.toolRows.some(row => row.status !== "ok")) {
				continue;
			}
			const progress = `[${done}/${total}] run ${run + 1}/${runs}`;
			try {
				await measure(entry, progress);
			} catch (error) {
				const reason = firstLines(error.message);
				for (const row of entry.toolRows) {
					Object.assign(row, { status: "failed", reason });
				}
				log(`${section.padEnd(8)} ${progress}  ${entry.size} modules  ${entry.tool.label}: FAILED ${reason}`);
			}
		}
	}
}
