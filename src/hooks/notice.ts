// Messages the hooks print themselves (there is no runtime yet when the entry is not hot), in
// the runtime logger's format: `[hot] ` and the `util.format` of the message, on stderr, unless
// `silent`.

import { writeSync } from "node:fs";
import { EOL } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";

/** A module's URL as printed: a path relative to the working directory. */
export function displayPath(url: string): string {
	return url.startsWith("file:") ? relative(process.cwd(), fileURLToPath(url)) : url;
}

export function notice(silent: boolean, message: string, ...params: unknown[]): void {
	if (!silent) {
		// Synchronous: the hooks thread may not get to flush a stream before a short program exits.
		writeSync(2, `${format(`[hot] ${message}`, ...params)}${EOL}`);
	}
}

export function noticeColdEntry(silent: boolean, url: string): void {
	notice(silent, "Hot reloading is disabled for %s: it is not a hot ES module.", displayPath(url));
}
