// The error that ended an update, as an update event describes it: a syntax error carries its
// position and code frame; for anything else the position is that of the first stack frame in the
// module the error arose in.

import { fileURLToPath } from "node:url";
import { isTransformSyntaxError, transformErrorData } from "../../transform/error.js";
import type { UpdateError } from "../update-event.js";

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** Line and column of the first frame of `stack` in the file of `url` (by URL or path, any query). */
function positionIn(stack: string, url: string): { line: number; column: number } | undefined {
	const fileURL = url.split("?")[0];
	const names = [ fileURL, ...fileURL.startsWith("file:") ? [ fileURLToPath(fileURL) ] : [] ].map(escapeRegExp);
	const frame = new RegExp(`^\\s+at .*(?:${names.join("|")})(?:\\?[^:]*)?:(\\d+):(\\d+)\\)?$`, "mu").exec(stack);
	return frame === null ? undefined : { line: Number(frame[1]), column: Number(frame[2]) };
}

/** `error`, thrown while the update handled the module at `url`. */
export function describeUpdateError(url: string, error: unknown): UpdateError {
	if (isTransformSyntaxError(error)) {
		const { message, file, line, column, codeFrame } = transformErrorData(error);
		return { name: error.name, message, file, line, column, codeFrame };
	}
	if (!(error instanceof Error)) {
		return { name: null, message: String(error), file: url, line: null, column: null, codeFrame: null };
	}
	const position = typeof error.stack === "string" ? positionIn(error.stack, url) : undefined;
	return { name: error.name, message: error.message, file: url, line: position?.line ?? null, column: position?.column ?? null, codeFrame: null };
}
