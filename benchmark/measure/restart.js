// Save → new code serving, and the requests each tool refuses or drops on the way: the `dynohot`
// command against the restart-on-change tools (`node --watch`, nodemon, `tsx watch`), on the HTTP
// server app of lib/generate-server-app.js. Two edits, alternated: message.js, which the command
// applies hot, and server.js, the entry, which the command can only apply by restarting the app
// (with no connection refused, is the goal). The other tools restart the app for both.
//
// A save is timed from just before the file is written (in place, lib/save-in-place.js) to the
// first response that shows the new revision, read by a client that sends one request after
// another. Meanwhile a second client sends a request every 20 ms, each on a new connection, from
// 200 ms before the save until 1 s after the new revision first served, and counts the requests
// refused and failed, and those answered with the old revision after the new one had served.

import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { startApp } from "../lib/child-app.js";
import { formatMs } from "../lib/format.js";
import { MESSAGE_FILE, revisedText, SERVER_FILE, servedText } from "../lib/generate-server-app.js";
import { pollUntilServed, startRequestLoop } from "../lib/http-probe.js";
import { planToolRows, runInterleaved } from "../lib/interleaved-runs.js";
import { quantile, summarize } from "../lib/stats.js";
import { saveInPlace } from "../lib/save-in-place.js";
import { restartTools } from "../lib/tools.js";

const EDITED_FILES = [MESSAGE_FILE, SERVER_FILE];
/** The request loop's interval, as issue 17 states it. */
const REQUEST_INTERVAL_MS = 20;
/** The loop starts this long before the save, so a tool that drops requests at once is seen. */
const LEAD_MS = 200;
/** …and runs this long after the new revision served: the replaced app is still stopping then. */
const TAIL_MS = 1000;
/** Pause between the poller's requests: fine enough for a hot update, light on a shared CPU. */
const POLL_GAP_MS = 5;
/** How long the `[hot]` line of a save may come after the new revision served. */
const HOT_LINE_WAIT_MS = 5000;
/**
 * A warm-up save that has not served after this long is saved again (a watcher may still be
 * starting). Longer than any tool's restart: a save during a restart starts it over.
 */
const WARM_UP_ATTEMPT_MS = 20_000;

/** A port nothing listens on now, for one start of a tool. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * How the command applied a save, from its `[hot]` line, and for a restart the new app's start
 * time that the line gives ("Restarted in 412ms: …").
 */
function readHotLine(line) {
	if (line === undefined) {
		return { applied: "no [hot] line" };
	}
	const restarted = /^\[hot\] Restarted in (\d+)ms/.exec(line);
	if (restarted) {
		return { applied: "restart", restartMs: Number(restarted[1]) };
	}
	return { applied: /^\[hot\] Loaded /.test(line) ? "hot" : `other: ${line}` };
}

let revision = 0;

/** Counts one more `key` in `counts`. */
const count = (counts, key) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Saves a new revision of `file` and times it to serving; returns one sample of a row. A save that
 * does not serve within `timeoutMs` is a sample too ("not served", with the tool's last `[hot]`
 * lines as the reason): the same app process goes on to the next save, as a developer would.
 */
async function measureSave({ app, root, port, file, hotLines, timeoutMs }) {
	const loop = startRequestLoop(port, REQUEST_INTERVAL_MS);
	await sleep(LEAD_MS);
	const saved = ++revision;
	const hotLine = hotLines ? app.waitForLine("stderr", /^\[hot\] /, timeoutMs + HOT_LINE_WAIT_MS) : undefined;
	hotLine?.catch(() => {});
	const savedAt = saveInPlace(path.join(root, file), revisedText(file, saved));
	const newText = servedText[file](saved);
	const served = await pollUntilServed(port, newText, { gapMs: POLL_GAP_MS, timeoutMs }).catch(error => ({ error }));
	await sleep(TAIL_MS);
	const requests = await loop.stop();
	const lost = outcome => requests.filter(result => result.outcome === outcome);
	const counted = {
		requests: requests.length,
		refused: lost("refused").length,
		failed: lost("failed").length,
		failureDetails: lost("failed").map(result => result.detail),
	};
	if (served.error) {
		const lastHotLines = app.recentStderr(20).split("\n").filter(line => line.startsWith("[hot]")).slice(-2);
		return { ...counted, applied: "not served", notServed: `${served.error.message}${lastHotLines.length > 0 ? `; last [hot] lines: ${lastHotLines.join(" ")}` : ""}`, stale: 0 };
	}
	return {
		...counted,
		servingMs: served.at - savedAt,
		stale: requests.filter(result => result.sentAt > served.at && result.outcome === "ok" && !result.body.includes(newText)).length,
		...(hotLines ? readHotLine((await hotLine.catch(() => undefined))?.line) : { applied: "restart" }),
	};
}

/** Saves message.js until the new revision serves; not measured (watchers may still be starting, first updates pay one-time costs). */
async function warmUp({ root, port, timeoutMs }) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const saved = ++revision;
		saveInPlace(path.join(root, MESSAGE_FILE), revisedText(MESSAGE_FILE, saved));
		try {
			await pollUntilServed(port, servedText[MESSAGE_FILE](saved), { gapMs: POLL_GAP_MS * 4, timeoutMs: WARM_UP_ATTEMPT_MS });
			return;
		} catch (error) {
			if (performance.now() > deadline) {
				throw error;
			}
		}
	}
}

/** Adds a sample of measureSave to its row. */
function record(row, sample) {
	if (sample.notServed === undefined) {
		row.servingMs.push(sample.servingMs);
	} else {
		count(row.notServed, sample.notServed);
	}
	if (sample.restartMs !== undefined) {
		row.restartMs.push(sample.restartMs);
	}
	count(row.applied, sample.applied);
	for (const detail of sample.failureDetails) {
		count(row.failures, detail);
	}
	row.requests += sample.requests;
	row.refused += sample.refused;
	row.failed += sample.failed;
	row.stale += sample.stale;
}

const describeLast = row => `${row.file} ${row.servingMs.length > 0 ? formatMs(row.servingMs.at(-1)) : "–"} (so far: refused ${row.refused}, failed ${row.failed}, not served ${row.applied["not served"] ?? 0})`;

export async function measureRestart({ sizes, runs, savesPerFile, apps, log }) {
	const { rows, active } = planToolRows({
		sizes,
		tools: restartTools,
		makeRows: (tool, size) => EDITED_FILES.map(file => ({ size, tool: tool.id, label: tool.label, baseline: tool.baseline, file, status: "ok", servingMs: [], restartMs: [], requests: 0, refused: 0, failed: 0, stale: 0, failures: {}, applied: {}, notServed: {} })),
	});
	await runInterleaved({
		section: "restart",
		active,
		runs,
		log,
		measure: async ({ tool, size, toolRows }, progress) => {
			const root = apps[size];
			const originals = new Map(EDITED_FILES.map(file => [file, fs.readFileSync(path.join(root, file))]));
			const port = await freePort();
			const timeoutMs = 20_000 + size * 5;
			const app = startApp({ executable: tool.executable, args: tool.args(SERVER_FILE), cwd: root, env: { BENCH_PORT: String(port), FORCE_COLOR: "0" } });
			try {
				await app.waitForLine("stdout", /^bench-listening /, 120_000 + size * 100);
				await warmUp({ root, port, timeoutMs });
				for (let save = 0; save < savesPerFile; save++) {
					for (const row of toolRows) {
						record(row, await measureSave({ app, root, port, file: row.file, hotLines: tool.hotLines, timeoutMs }));
					}
				}
				log(`restart  ${progress}  ${size} modules  ${tool.label}: ${toolRows.map(describeLast).join(", ")}`);
			} finally {
				await app.stop();
				for (const [file, content] of originals) {
					fs.writeFileSync(path.join(root, file), content);
				}
			}
		},
	});
	return rows.map(row => ({ ...row, servingMs: summarize(row.servingMs), servingP90Ms: quantile(row.servingMs, 0.9), restartMs: summarize(row.restartMs) }));
}
