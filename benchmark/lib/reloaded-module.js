// The module the memory benchmark reloads, in the shape of issue 14's reference module (about
// 100 KB of 1,500 exported functions) at any size: exported functions, each of whose text holds
// the revision, so that no version shares any function's text with another and nothing can be
// served from a cache keyed by text. Every version of a size has the same length (the revision is
// written as a number of fixed width), so the live version weighs the same in every measurement.

import { REVISION_LINE_PREFIX } from "./generate-monorepo.js";

/** Added to the revision so that its digits have the same count from revision 0 to 899,999. */
const STAMP_BASE = 100_000;

/** The number the app prints for a revision when its accept callback runs. */
export const revisionStamp = revision => STAMP_BASE + revision;

const functionLine = (index, stamp) => `export function fn${index}(a, b) { return a * ${index} + b - ${stamp}; }\n`;
const header = stamp => `export const revision = ${stamp};\n`;
const trailer = stamp => `${REVISION_LINE_PREFIX}${stamp}\n`;

/** How many functions make a module of at least `bytes` bytes (all of it is ASCII). */
export function functionCountFor(bytes) {
	const stamp = revisionStamp(0);
	let length = header(stamp).length + trailer(stamp).length;
	let count = 0;
	while (length < bytes) {
		length += functionLine(count, stamp).length;
		count++;
	}
	return count;
}

/** The text of `revision` of a module of `functionCount` functions. */
export function reloadedModuleText(functionCount, revision) {
	const stamp = revisionStamp(revision);
	const lines = [header(stamp)];
	for (let index = 0; index < functionCount; index++) {
		lines.push(functionLine(index, stamp));
	}
	lines.push(trailer(stamp));
	return lines.join("");
}
