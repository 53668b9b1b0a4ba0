// One reload of the memory benchmark: a new revision of the reloaded module is saved (atomically)
// and the app's accept callback announces it on stdout. That line is what every tool is timed to.
// Tools that print a `[hot]` line per update (ours and upstream dynohot) also have that line read:
// a failed update is saved again, like a developer would, and counted, as in the edit benchmark.

import { setTimeout as sleep } from "node:timers/promises";
import { saveAtomically } from "./atomic-save.js";
import { HOT_LINE, MAX_ATTEMPTS, parseUpdateLine } from "./edit-file.js";
import { errorLine } from "./format.js";

const acceptedLine = stamp => new RegExp(`^bench-updated ${stamp} `);

/**
 * Saves `text` (whose revision the app prints as `stamp`) to `file` and waits until the app has
 * accepted it. Returns the wall time from the last save to the accept line, and the `[hot]` lines
 * of failed updates before it.
 */
export async function saveRevisionAndAwaitUpdate(app, { file, text, stamp, hotLines, timeoutMs }) {
	const accepted = app.waitForLine("stdout", acceptedLine(stamp), timeoutMs);
	// After a failed update this waiter stays pending and is awaited after the next save; if every
	// attempt fails, the error of the last `[hot]` line is the one thrown, and its timeout is moot.
	accepted.catch(() => {});
	const failedUpdates = [];
	for (;;) {
		const outcome = hotLines ? app.waitForLine("stderr", HOT_LINE, timeoutMs) : undefined;
		const before = saveAtomically(file, text);
		if (outcome) {
			const { line } = await outcome;
			try {
				parseUpdateLine(line);
			} catch (error) {
				// The error itself is printed on the lines after the `[hot]` line.
				await sleep(100);
				failedUpdates.push(`${line} ${errorLine(app.recentStderr(10))}`);
				if (failedUpdates.length >= MAX_ATTEMPTS) {
					throw error;
				}
				continue;
			}
		}
		const { at } = await accepted;
		return { updateMs: at - before, failedUpdates };
	}
}
