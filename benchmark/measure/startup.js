// Startup: wall time from spawning the process to the app's ready line, and the process's own CPU
// time (user + system, all threads) at that line, for each tool and app size. Commands are
// interleaved run by run (every tool once per run, in an order rotated per run), so that a burst
// of load on the shared machine hits all tools alike rather than one tool's samples.

import * as fs from "node:fs";
import { startApp } from "../lib/child-app.js";
import { firstLines, formatMs } from "../lib/format.js";
import { summarize } from "../lib/stats.js";
import { findCacheDirectories, oursCacheDirectory, startupTools } from "../lib/tools.js";

const READY = /^bench-ready (\{.*\})$/;

export async function measureStartup({ sizes, runs, apps, log }) {
	const rows = [];
	const active = [];
	for (const size of sizes) {
		for (const tool of startupTools) {
			const row = { size, variant: tool.variant, tool: tool.id, label: tool.label, baseline: tool.baseline, status: "ok", wallMs: [], cpuMs: [] };
			rows.push(row);
			const reason = tool.unavailable?.();
			if (reason) {
				Object.assign(row, { status: "n/a", reason });
			} else {
				active.push({ tool, row, root: apps[size][tool.variant] });
			}
		}
	}
	// A warm cache needs a cache: prime it with one cold start, and report "n/a" when none appears.
	for (const entry of active.filter(({ tool }) => tool.cache === "warm")) {
		deleteCaches(entry.root);
		log(`startup  priming the transform cache: ${entry.row.size} modules (${entry.row.variant})`);
		try {
			await startOnce(entry.tool, entry.root, entry.row.size);
			if (findCacheDirectories(entry.root).length === 0) {
				Object.assign(entry.row, { status: "n/a", reason: `no transform cache was written to ${oursCacheDirectory}` });
			}
		} catch (error) {
			Object.assign(entry.row, { status: "failed", reason: firstLines(error.message) });
		}
	}
	const total = runs * active.length;
	let done = 0;
	for (let run = 0; run < runs; run++) {
		const order = active.map((_, index) => active[(index + run) % active.length]);
		for (const { tool, row, root } of order) {
			done++;
			if (row.status !== "ok") {
				continue;
			}
			if (tool.cache === "cold") {
				deleteCaches(root);
			}
			try {
				const sample = await startOnce(tool, root, row.size);
				row.wallMs.push(sample.wallMs);
				row.cpuMs.push(sample.cpuMs);
				log(`startup  [${done}/${total}] run ${run + 1}/${runs}  ${row.size} modules (${row.variant})  ${tool.label}: ${formatMs(sample.wallMs)} wall, ${formatMs(sample.cpuMs)} CPU`);
			} catch (error) {
				Object.assign(row, { status: "failed", reason: firstLines(error.message) });
				log(`startup  [${done}/${total}] ${row.size} modules  ${tool.label}: FAILED ${firstLines(error.message)}`);
			}
		}
	}
	return rows.map(row => ({ ...row, wallMs: summarize(row.wallMs), cpuMs: summarize(row.cpuMs) }));
}

function deleteCaches(root) {
	for (const directory of findCacheDirectories(root)) {
		fs.rmSync(directory, { recursive: true, force: true });
	}
}

async function startOnce(tool, root, size) {
	const app = startApp({ executable: tool.executable, args: tool.args(), cwd: root, env: {} });
	try {
		const { line, at } = await app.waitForLine("stdout", READY, 120_000 + size * 100);
		const report = JSON.parse(READY.exec(line)[1]);
		return { wallMs: at - app.startedAt, cpuMs: (report.cpuUserMicros + report.cpuSystemMicros) / 1000 };
	} finally {
		await app.stop();
	}
}
