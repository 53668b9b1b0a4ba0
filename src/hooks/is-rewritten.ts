// Whether an earlier loader in the chain rewrote a module's source: then the runtime cannot make
// the next version from the file and loads it through the hooks instead (contract §4, `reload`).
// The source Node's own load answers is the file's bytes; any other answer is a rewrite.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ModuleSource } from "./types.js";

function bytesOf(source: ModuleSource | null | undefined): Buffer {
	if (typeof source === "string") {
		return Buffer.from(source, "utf8");
	}
	if (source === null || source === undefined) {
		return Buffer.alloc(0);
	}
	return source instanceof ArrayBuffer
		? Buffer.from(source)
		: Buffer.from(source.buffer, source.byteOffset, source.byteLength);
}

export function isRewritten(url: string, source: ModuleSource | null | undefined): boolean {
	let file: Buffer;
	try {
		file = readFileSync(fileURLToPath(url));
	} catch {
		return true;
	}
	return !file.equals(bytesOf(source));
}
