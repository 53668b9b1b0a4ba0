// Edit → `[hot]` line latency: the time from writing a file to the update's line on stderr (this
// includes the file watcher and the tool's debounce), and the update's own time (the "in Nms" of
// that line). Three edits per app: a leaf module, a mid-level module (imports and importers) and a
// module in an import cycle, all in the middle package of the generated monorepo, whose index is
// the update boundary.

import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { startApp } from "../lib/child-app.js";
import { formatMs } from "../lib/format.js";
import { editAndAwaitUpdate } from "../lib/edit-file.js";
import { planToolRows, runInterleaved } from "../lib/interleaved-runs.js";
import { summarize } from "../lib/stats.js";
import { hotTools } from "../lib/tools.js";

const TARGETS = ["leaf", "mid", "cycle"];
/** Time for the watchers to be in place after the ready line, before the first edit. */
const SETTLE_MS = 1000;
/** Pause between edits, so that each edit is its own update rather than coalescing with the last. */
const BETWEEN_EDITS_MS = 200;
/** How long one warm-up edit waits for its update before the file is saved again. */
const WARM_UP_ATTEMPT_MS = 3000;

/**
 * Saves `file` until an update arrives; not measured. A tool may still be setting up its file
 * watches after the ready line (a watcher of thousands of files takes seconds), and the first
 * update of a process pays one-time costs (e.g. loading the transform); neither is the latency of
 * an edit during development.
 */
async function warmUp(app, file, timeoutMs) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		try {
			await editAndAwaitUpdate(app, file, WARM_UP_ATTEMPT_MS);
			return;
		} catch (error) {
			if (performance.now() > deadline || !error.message.startsWith("no line matching")) {
				throw error;
			}
		}
	}
}

export async function measureLatency({ sizes, runs, editsPerTarget, apps, manifests, log }) {
	const { rows, active } = planToolRows({
		sizes,
		tools: hotTools,
		makeRows: (tool, size) => TARGETS.map(target => ({ size, tool: tool.id, label: tool.label, target, file: manifests[size].js.editTargets[target], status: "ok", latencyMs: [], updateMs: [], loaded: [], reevaluated: [], failedUpdates: [] })),
	});
	await runInterleaved({
		section: "latency",
		active,
		runs,
		log,
		measure: async ({ tool, size, toolRows }, progress) => {
			const root = apps[size].js;
			const originals = new Map(toolRows.map(row => [row.file, fs.readFileSync(path.join(root, row.file))]));
			const app = startApp({ executable: tool.executable, args: tool.args(), cwd: root, env: { BENCH_KEEP_ALIVE: "1" } });
			try {
				await app.waitForLine("stdout", /^bench-ready /, 120_000 + size * 100);
				await sleep(SETTLE_MS);
				await warmUp(app, path.join(root, toolRows[0].file), 60_000 + size * 10);
				await sleep(BETWEEN_EDITS_MS);
				for (const row of toolRows) {
					for (let edit = 0; edit < editsPerTarget; edit++) {
						const update = await editAndAwaitUpdate(app, path.join(root, row.file), 60_000);
						row.failedUpdates.push(...update.failedUpdates);
						row.latencyMs.push(update.latencyMs);
						row.updateMs.push(update.updateMs);
						row.loaded.push(update.loaded);
						row.reevaluated.push(update.reevaluated);
						await sleep(BETWEEN_EDITS_MS);
					}
				}
				log(`latency  ${progress}  ${size} modules  ${tool.label}: ${toolRows.map(row => `${row.target} ${formatMs(row.latencyMs.at(-1))} (update ${row.updateMs.at(-1)} ms)`).join(", ")}`);
			} finally {
				await app.stop();
				for (const [file, content] of originals) {
					fs.writeFileSync(path.join(root, file), content);
				}
			}
		},
	});
	return rows.map(row => ({
		...row,
		latencyMs: summarize(row.latencyMs),
		updateMs: summarize(row.updateMs),
		loaded: summarize(row.loaded)?.median,
		reevaluated: summarize(row.reevaluated)?.median,
		failedUpdateCount: row.failedUpdates.length,
		failedUpdates: row.failedUpdates.slice(0, 3),
	}));
}
