// Saves a file the way many editors do: the new text goes to a temporary file in the same
// directory, which is then renamed over the old one. A watcher never sees the file half written
// (a 1 MB write in place takes long enough for a watcher to read it between truncate and end).

import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";

/** Replaces `file` with `text`; returns the time just before the temporary file was written. */
export function saveAtomically(file, text) {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.saving`);
	const before = performance.now();
	fs.writeFileSync(temporary, text);
	fs.renameSync(temporary, file);
	return before;
}
