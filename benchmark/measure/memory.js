// Memory growth over many reloads of one module (issue 14), for each module size of the plan, on
// each Node.js of `reloadNodes`, without and with --enable-source-maps, for each tool of
// `reloadTools` (ours with the native and the wasm transform, upstream dynohot, Vite's module
// runner), all on the same generated app and module. RSS and V8 heap are read after forced garbage
// collection, after a warm-up and after each window of reloads; the difference per reload in a
// window is what each reload cost there. A tool that keeps every old version alive grows by about
// a module (or several: source, transformed code, source map) per reload in every window. Each row
// is judged against the goal of lib/reload-goal.js.

import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startApp } from "../lib/child-app.js";
import { firstLines, formatMs } from "../lib/format.js";
import { generateReloadApp } from "../lib/generate-reload-app.js";
import { judgeReloads } from "../lib/reload-goal.js";
import { reloadedModuleText, revisionStamp } from "../lib/reloaded-module.js";
import { saveRevisionAndAwaitUpdate } from "../lib/save-revision.js";
import { summarize } from "../lib/stats.js";
import { reloadNodes, reloadTools } from "../lib/tools.js";

const RSS_LINE = /^bench-rss (\{.*\})$/;
// V8 grows its young generation in steps as data survives collections, up to a maximum, and the
// RSS it takes stays; reloads of a small module take thousands of reloads to get there, so that
// growth, which is no leak, would fill every window. Every tool's processes start with it at its
// maximum instead: V8 clamps a larger minimum to the maximum (16 MB semi-spaces on Node 20, 64 MB
// on Node 24).
const YOUNG_GENERATION_AT_MAXIMUM = "--min-semi-space-size=1024";
/** Time for the tool's file watcher to be in place after the ready line, before the first save. */
const SETTLE_MS = 1000;
/** Longest wait for one update; upstream's Babel transform takes seconds on a 1 MB module. */
const UPDATE_TIMEOUT_MS = 60_000;

/** Reloads before the first measurement: they take in the first update's one-time costs. */
export const warmupReloadsFor = reloads => Math.min(50, Math.ceil(reloads / 5));

/**
 * `plan`: one entry per module size, `{ label, bytes, ours: { windows, reloads }, peers: { … } }`
 * (lib/memory-plan.js). Apps are generated under `workDirectory`, afresh for every row, so that no
 * row starts from another's revision or cache.
 */
export async function measureMemory({ plan, workDirectory, log }) {
	const rows = [];
	for (const size of plan) {
		for (const node of reloadNodes) {
			for (const sourceMaps of [false, true]) {
				for (const tool of reloadTools) {
					const { windows, reloads } = tool.peer ? size.peers : size.ours;
					const row = {
						size: size.label,
						moduleBytes: size.bytes,
						node: node.label,
						sourceMaps,
						tool: tool.id,
						label: tool.label,
						status: "ok",
						windows,
						reloads,
						warmupReloads: warmupReloadsFor(reloads),
					};
					rows.push(row);
					const reason = node.unavailable?.() ?? tool.unavailable?.();
					if (reason) {
						Object.assign(row, { status: "n/a", reason });
						continue;
					}
					const name = `${size.label}, ${node.label}${sourceMaps ? ", source maps" : ""}, ${tool.label}`;
					const root = path.join(workDirectory, `reload-app-${size.bytes}`);
					try {
						Object.assign(row, await measureRow({ node, tool, sourceMaps, root, moduleBytes: size.bytes, windows, reloads, warmupReloads: row.warmupReloads, log: message => log(`memory   ${name}: ${message}`) }));
					} catch (error) {
						Object.assign(row, { status: "failed", reason: firstLines(error.message) });
						log(`memory   ${name}: FAILED ${firstLines(error.message)}`);
					}
				}
			}
		}
	}
	return rows;
}

/** One row: `windows` × `reloads` reloads of a generated module of `moduleBytes` under `tool` on `node`. */
export async function measureRow({ node, tool, sourceMaps, root, moduleBytes, windows, reloads, warmupReloads, log }) {
	const { reloadedFile, functionCount } = generateReloadApp(root, moduleBytes);
	const args = ["--expose-gc", YOUNG_GENERATION_AT_MAXIMUM, ...(sourceMaps ? ["--enable-source-maps"] : []), ...tool.args()];
	const app = startApp({ executable: node.executable, args, cwd: root, env: { ...tool.env, BENCH_HOOKS_THREAD: tool.hooksThread } });
	let revision = 0;
	const failedUpdates = [];
	const reloadOnce = async () => {
		revision++;
		const update = await saveRevisionAndAwaitUpdate(app, {
			file: reloadedFile,
			text: reloadedModuleText(functionCount, revision),
			stamp: revisionStamp(revision),
			hotLines: tool.hotLines,
			timeoutMs: UPDATE_TIMEOUT_MS,
		});
		failedUpdates.push(...update.failedUpdates);
		await sleep(tool.pauseAfterUpdateMs);
		return update.updateMs;
	};
	const measure = async () => {
		const answer = app.waitForLine("stdout", RSS_LINE, 30_000);
		app.send("rss\n");
		const { rss, heapUsed, hooksThreadHeapUsed, external, newSpace } = JSON.parse(RSS_LINE.exec((await answer).line)[1]);
		// The V8 heap of the process: the main thread's and the hooks thread's, where there is one.
		return { rss, heapUsed: heapUsed + hooksThreadHeapUsed, external, newSpace };
	};
	try {
		await app.waitForLine("stdout", /^bench-ready /, 120_000);
		await sleep(SETTLE_MS);
		for (let count = 0; count < warmupReloads; count++) {
			await reloadOnce();
		}
		const start = await measure();
		const ends = [];
		const updateMsByWindow = [];
		for (let window = 1; window <= windows; window++) {
			const startedAt = performance.now();
			const updateMs = [];
			for (let count = 1; count <= reloads; count++) {
				updateMs.push(await reloadOnce());
			}
			ends.push(await measure());
			updateMsByWindow.push(summarize(updateMs, { keepSamples: false }));
			log(`window ${window}/${windows}, ${reloads} reloads in ${((performance.now() - startedAt) / 1000).toFixed(0)} s, update median ${formatMs(updateMsByWindow.at(-1).median)}`);
		}
		const before = [start, ...ends];
		const perReload = key => ends.map((end, index) => (end[key] - before[index][key]) / 1024 / reloads);
		const result = {
			functionCount,
			rssStartKb: start.rss / 1024,
			rssEndKb: ends.at(-1).rss / 1024,
			rssKbPerReloadByWindow: perReload("rss"),
			heapKbPerReloadByWindow: perReload("heapUsed"),
			externalKbPerReloadByWindow: perReload("external"),
			newSpaceStartKb: start.newSpace / 1024,
			newSpaceEndKb: ends.at(-1).newSpace / 1024,
			updateMsByWindow,
			updateSlowdown: updateMsByWindow.at(-1).median / updateMsByWindow[0].median,
			failedUpdateCount: failedUpdates.length,
			failedUpdates: failedUpdates.slice(0, 5),
		};
		result.verdict = judgeReloads({
			heapKbPerReload: result.heapKbPerReloadByWindow.at(-1),
			rssKbPerReload: result.rssKbPerReloadByWindow.at(-1),
			updateSlowdown: result.updateSlowdown,
			reloads: windows * reloads,
		});
		const list = values => values.map(value => value.toFixed(2)).join(", ");
		log(`RSS ${(start.rss / 1048576).toFixed(1)} → ${(ends.at(-1).rss / 1048576).toFixed(1)} MB; KB/reload by window: RSS ${list(result.rssKbPerReloadByWindow)}; heap ${list(result.heapKbPerReloadByWindow)}; V8 young generation ${(start.newSpace / 1048576).toFixed(0)} → ${(ends.at(-1).newSpace / 1048576).toFixed(0)} MB; ${result.verdict.misses.length === 0 ? "meets the goal" : `misses: ${result.verdict.misses.join(", ")}`}`);
		return result;
	} finally {
		await app.stop();
	}
}
