// Compiling a reloaded version outside V8's compilation cache. V8 keeps, per isolate, a table from
// source text to the compiled top-level function of every script, `eval` and (from Node 22 on)
// `vm.compileFunction`, so that the same text compiled again is not parsed again. Its entries hold
// the source, and for us the source is the whole transformed module with its inline source map: a
// reloaded version is never compiled twice, so every entry is dead weight, and the table keeps each
// replaced version's text (measured on a 100 KB module: 725 KB of heap per reload, 1.2 MB with
// source maps). The flag is read at each lookup, so switching it off around our own compilation
// leaves every other compilation of the process as it was. Node offers no per-call opt-out today;
// the proposals (nodejs/node#62720, a vm option; nodejs/node#61767, module.clearCache) would
// replace this where they land.

import { setFlagsFromString } from "node:v8";

/** Whether the process was started with the cache off, in which case it stays off. */
const cacheOffForProcess = [ ...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/) ]
	.some(option => option === "--no-compilation-cache" || option === "--no_compilation_cache");

/** Runs `compile` (an `eval` or `vm` compilation) with V8's compilation cache off. */
export function compileUncached<T>(compile: () => T): T {
	setFlagsFromString("--no-compilation-cache");
	try {
		return compile();
	} finally {
		if (!cacheOffForProcess) {
			setFlagsFromString("--compilation-cache");
		}
	}
}
