// A loader registered after dynohot runs before it in the hook chain, and sees the `dynohot:`
// URLs of stubs and facades first. tsx takes a query off any specifier it does not know and
// resolves the rest, which leaves dynohot a URL without its parameters, and nothing to resolve.
// That order cannot work: say which order does, once, and end the process, rather than fail with
// a message about dynohot's internals.

import { writeSync } from "node:fs";
import { EOL } from "node:os";

export function exitForLoaderOrder(): never {
	// Synchronous, and from the hooks thread too: process.exit ends the whole process.
	writeSync(2, `dynohot: another loader registered after dynohot changed dynohot's imports; register it first, as in \`node --import tsx --import dynohot/register main.ts\`.${EOL}`);
	process.exit(1);
}
