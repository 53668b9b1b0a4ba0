// Edits a generated module the way a developer's save does: the file is rewritten with a changed
// last line (`// revision N`), so the content differs every time.

import * as fs from "node:fs";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { errorLine } from "./format.js";
import { REVISION_LINE_PREFIX } from "./generate-monorepo.js";

let revision = 0;

/** Rewrites the file with a new revision number; returns the time just before the write. */
function editFile(file) {
	const text = fs.readFileSync(file, "utf8");
	const start = text.lastIndexOf(REVISION_LINE_PREFIX);
	if (start === -1) {
		throw new Error(`${file} has no "${REVISION_LINE_PREFIX}" line to edit`);
	}
	const end = text.indexOf("\n", start);
	const edited = `${text.slice(0, start)}${REVISION_LINE_PREFIX}${++revision}${end === -1 ? "" : text.slice(end)}`;
	const before = performance.now();
	fs.writeFileSync(file, edited);
	return before;
}

/** The success line of an update (SPEC §6), e.g. "[hot] Loaded 1 new module, reevaluated 2 existing modules in 3ms." */
const UPDATE_LINE = /^\[hot\] Loaded (\d+) new modules?, reevaluated (\d+) existing modules? in (\d+(?:\.\d+)?)ms\.$/;

/** Any line of an update's outcome, success or failure. */
export const HOT_LINE = /^\[hot\]/;

/** Reads an update line; throws with the line when it reports anything but success. */
export function parseUpdateLine(line) {
	const match = UPDATE_LINE.exec(line);
	if (!match) {
		throw new Error(`update did not succeed: ${line}`);
	}
	return { loaded: Number(match[1]), reevaluated: Number(match[2]), updateMs: Number(match[3]) };
}

/** Edits that may be retried after a failed update before the measurement is given up. */
export const MAX_ATTEMPTS = 3;

/**
 * Edits `file` and waits for the app's `[hot]` line. A save is an in-place write (truncate, then
 * write), so on a loaded machine a watcher can read the file between the two and the update fails
 * (e.g. a link error on an empty module). Like a developer, the benchmark then saves again; the
 * failed lines are returned so the reports can count them. Latency is timed from the last save.
 */
export async function editAndAwaitUpdate(app, file, timeoutMs) {
	const failedUpdates = [];
	for (;;) {
		const updated = app.waitForLine("stderr", HOT_LINE, timeoutMs);
		const before = editFile(file);
		const { line, at } = await updated;
		try {
			return { latencyMs: at - before, ...parseUpdateLine(line), failedUpdates };
		} catch (error) {
			// The error itself is printed on the lines after the `[hot]` line.
			await sleep(100);
			failedUpdates.push(`${line} ${errorLine(app.recentStderr(10))}`);
			if (failedUpdates.length >= MAX_ATTEMPTS) {
				throw error;
			}
		}
	}
}
