// Memory growth over many reloads of one module: RSS and V8 heap after forced garbage collection,
// after a warm-up, after the measured reloads and after as many again; the difference per reload
// is what each reload leaks (a tool that keeps every old version alive grows by about a module per
// reload). The second window is reported apart: in the first, RSS also takes in one-time sizing
// (V8 grows its young generation step by step as data survives collections, malloc arenas of
// V8's threads grow), which a leak would not stop doing in the second.

import * as path from "node:path";
import { startApp } from "../lib/child-app.js";
import { firstLines } from "../lib/format.js";
import { editAndAwaitUpdate } from "../lib/edit-file.js";
import { summarize } from "../lib/stats.js";
import { hotTools } from "../lib/tools.js";

const RSS_LINE = /^bench-rss (\{.*\})$/;

export async function measureMemory({ reloads, warmupReloads, root, log }) {
	const rows = [];
	for (const tool of hotTools) {
		const row = { tool: tool.id, label: tool.label, status: "ok", reloads, warmupReloads };
		rows.push(row);
		const reason = tool.unavailable?.();
		if (reason) {
			Object.assign(row, { status: "n/a", reason });
			continue;
		}
		const app = startApp({ executable: tool.executable, args: ["--expose-gc", ...tool.args()], cwd: root, env: {} });
		const reloadedFile = path.join(root, "reloaded.js");
		const updateMs = [];
		const failedUpdates = [];
		const reloadOnce = async () => {
			const update = await editAndAwaitUpdate(app, reloadedFile, 60_000);
			updateMs.push(update.updateMs);
			failedUpdates.push(...update.failedUpdates);
		};
		const measureRss = async () => {
			const answer = app.waitForLine("stdout", RSS_LINE, 30_000);
			app.send("rss\n");
			return JSON.parse(RSS_LINE.exec((await answer).line)[1]);
		};
		try {
			await app.waitForLine("stdout", /^bench-ready /, 60_000);
			await new Promise(resolve => setTimeout(resolve, 1000));
			for (let count = 0; count < warmupReloads; count++) {
				await reloadOnce();
			}
			const start = await measureRss();
			const startedAt = performance.now();
			for (let count = 1; count <= reloads; count++) {
				await reloadOnce();
				if (count % 100 === 0 || count === reloads) {
					log(`memory   ${tool.label}: ${count}/${reloads} reloads (${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
				}
			}
			const end = await measureRss();
			for (let count = 1; count <= reloads; count++) {
				await reloadOnce();
				if (count % 100 === 0 || count === reloads) {
					log(`memory   ${tool.label}: second window ${count}/${reloads} reloads`);
				}
			}
			const second = await measureRss();
			Object.assign(row, {
				rssSecondEndKb: second.rss / 1024,
				rssKbPerReloadSecond: (second.rss - end.rss) / 1024 / reloads,
				heapKbPerReloadSecond: (second.heapUsed - end.heapUsed) / 1024 / reloads,
				rssStartKb: start.rss / 1024,
				rssEndKb: end.rss / 1024,
				rssKbPerReload: (end.rss - start.rss) / 1024 / reloads,
				heapStartKb: start.heapUsed / 1024,
				heapEndKb: end.heapUsed / 1024,
				heapKbPerReload: (end.heapUsed - start.heapUsed) / 1024 / reloads,
				externalKbPerReload: (end.external - start.external) / 1024 / reloads,
				newSpaceStartKb: start.newSpace / 1024,
				newSpaceEndKb: end.newSpace / 1024,
				updateMs: summarize(updateMs, { keepSamples: false }),
				failedUpdateCount: failedUpdates.length,
				failedUpdates: failedUpdates.slice(0, 5),
			});
			log(`memory   ${tool.label}: RSS ${(start.rss / 1048576).toFixed(1)} → ${(end.rss / 1048576).toFixed(1)} MB, ${row.rssKbPerReload.toFixed(2)} KB/reload; heap ${row.heapKbPerReload.toFixed(2)} KB/reload; external ${row.externalKbPerReload.toFixed(2)} KB/reload; V8 young generation ${(start.newSpace / 1048576).toFixed(0)} → ${(end.newSpace / 1048576).toFixed(0)} MB; second window: RSS ${row.rssKbPerReloadSecond.toFixed(2)} KB/reload, heap ${row.heapKbPerReloadSecond.toFixed(2)} KB/reload`);
		} catch (error) {
			Object.assign(row, { status: "failed", reason: firstLines(error.message) });
			log(`memory   ${tool.label}: FAILED ${firstLines(error.message)}`);
		} finally {
			await app.stop();
		}
	}
	return rows;
}
