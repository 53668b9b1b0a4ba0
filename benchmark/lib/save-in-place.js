// Saves a file the way VS Code does by default: the same file is truncated and written again. The
// restart benchmark saves this way rather than by renaming a temporary file over it
// (lib/atomic-save.js): `node --watch` (Node 20 and 24) sees only the first such rename of a file,
// it keeps watching the replaced inode, so every later save would go unnoticed.

import * as fs from "node:fs";
import { performance } from "node:perf_hooks";

/** Writes `text` over `file` in one call; returns the time just before the write. */
export function saveInPlace(file, text) {
	const before = performance.now();
	fs.writeFileSync(file, text);
	return before;
}
