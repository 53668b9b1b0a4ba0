// The source map of an earlier stage (a TypeScript loader, a bundler, `tsc` output on disk), so
// the transform can chain its own map onto it and positions lead back to the original source.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The last `//# sourceMappingURL=` comment wins, as in V8. `//@` is the old spelling.
const sourceMappingComment = /^[ \t]*\/\/[#@][ \t]+sourceMappingURL=([^\s'"]+)[ \t]*$/gm;
const dataURL = /^data:([^,]*?)(;base64)?,(.*)$/s;

function lastSourceMappingURL(source: string): string | undefined {
	let last: string | undefined;
	for (const match of source.matchAll(sourceMappingComment)) {
		last = match[1];
	}
	return last;
}

function decodeDataURL(url: string): string | undefined {
	const match = dataURL.exec(url);
	if (match === null) {
		return undefined;
	}
	const [ , , base64, payload = "" ] = match;
	return base64 === undefined
		? decodeURIComponent(payload)
		: Buffer.from(payload, "base64").toString("utf8");
}

/**
 * The V3 source map JSON that `source` (loaded from `url`) refers to, inline or in a file beside
 * it; `undefined` when there is none or it cannot be read (the map is a convenience: a broken
 * one must not stop the module from loading).
 */
export function readInputSourceMap(source: string, url: string): string | undefined {
	const reference = lastSourceMappingURL(source);
	if (reference === undefined) {
		return undefined;
	}
	try {
		if (reference.startsWith("data:")) {
			return decodeDataURL(reference);
		}
		const mapURL = new URL(reference, url);
		return mapURL.protocol === "file:" ? readFileSync(fileURLToPath(mapURL), "utf8") : undefined;
	} catch {
		return undefined;
	}
}
