// What identifies the output of a transform build, for the persistent transform cache
// (src/hooks/transform-cache.ts): equal identities must mean equal output for equal input.
//
// The binaries do not report the crate's `TRANSFORM_VERSION` yet, so the identity is the binary
// file itself (size and modification time, which change with every build and every install). That
// is cheap (no hashing of megabytes, no wasm compilation on a warm start) and never serves output
// of a different build, at the price of the native and wasm backends not sharing entries.

import { statSync } from "node:fs";

/** The identity of the transform binary at `file`. */
export function buildIdentity(file: string): string {
	const { size, mtimeMs } = statSync(file);
	return `build ${size} ${mtimeMs}`;
}
