// Memory growth over many reloads of one module: RSS and V8 heap after forced garbage collection,
// after a warm-up and after each of several windows of reloads; the difference per reload in a
// window is what each reload cost there. A tool that keeps every old version alive grows by about a
// module per reload in every window. The first windows also take in one-time sizing (V8 grows its
// young generation step by step as data survives collections; malloc arenas of V8's threads and
// the transform's allocator grow to their working size), which levels off; a leak does not.

import * as path from "node:path";
import { startApp } from "../lib/child-app.js";
import { firstLines } from "../lib/format.js";
import { editAndAwaitUpdate } from "../lib/edit-file.js";
import { summarize } from "../lib/stats.js";
import { hotTools } from "../lib/tools.js";

const RSS_LINE = /^bench-rss (\{.*\})$/;

export async function measureMemory({ reloads, windows, warmupReloads, root, log }) {
	const rows = [];
	for (const tool of hotTools) {
		const row = { tool: tool.id, label: tool.label, status: "ok", reloads, windows, warmupReloads };
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
			const ends = [];
			for (let window = 1; window <= windows; window++) {
				const startedAt = performance.now();
				for (let count = 1; count <= reloads; count++) {
					await reloadOnce();
					if (count % 100 === 0 || count === reloads) {
						log(`memory   ${tool.label}: window ${window}/${windows}, ${count}/${reloads} reloads (${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
					}
				}
				ends.push(await measureRss());
			}
			const before = [start, ...ends];
			const perReload = (key, index) => (ends[index][key] - before[index][key]) / 1024 / reloads;
			Object.assign(row, {
				rssStartKb: start.rss / 1024,
				rssEndKb: ends.at(-1).rss / 1024,
				rssKbPerReloadByWindow: ends.map((_, index) => perReload("rss", index)),
				heapKbPerReloadByWindow: ends.map((_, index) => perReload("heapUsed", index)),
				externalKbPerReloadByWindow: ends.map((_, index) => perReload("external", index)),
				newSpaceStartKb: start.newSpace / 1024,
				newSpaceEndKb: ends.at(-1).newSpace / 1024,
				updateMs: summarize(updateMs, { keepSamples: false }),
				failedUpdateCount: failedUpdates.length,
				failedUpdates: failedUpdates.slice(0, 5),
			});
			const list = values => values.map(value => value.toFixed(2)).join(", ");
			log(`memory   ${tool.label}: RSS ${(start.rss / 1048576).toFixed(1)} → ${(ends.at(-1).rss / 1048576).toFixed(1)} MB; KB/reload by window: RSS ${list(row.rssKbPerReloadByWindow)}; heap ${list(row.heapKbPerReloadByWindow)}; V8 young generation ${(start.newSpace / 1048576).toFixed(0)} → ${(ends.at(-1).newSpace / 1048576).toFixed(0)} MB`);
		} catch (error) {
			Object.assign(row, { status: "failed", reason: firstLines(error.message) });
			log(`memory   ${tool.label}: FAILED ${firstLines(error.message)}`);
		} finally {
			await app.stop();
		}
	}
	return rows;
}
