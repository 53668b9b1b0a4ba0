// Where a resource was created, read from the stack when it is created (formatted then, while the
// source maps of that version of the module are the ones Node has): a `file:line` of the user's
// code, as stack traces show it (the transform keeps every line where it was; with source maps,
// the source's own lines).

import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { displayPath, isOwnFrame } from "../report/logger.js";

interface Frame {
	/** A URL (`file:`, `node:`) or a path, without the query a reloaded version's URL has. */
	readonly file: string;
	readonly line: number;
}

// `    at name (file:line:column)` or `    at file:line:column`.
const frameLocation = /^\s+at (?:.*\()?([^()]+?)(?:\?[^:()]*)?:(\d+):\d+\)?$/u;

// Deep enough to get past Node's own frames (async hooks, timers, channels) to the caller.
const stackDepth = 40;

function currentFrames(): Frame[] {
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = stackDepth;
	const holder: { stack?: unknown } = {};
	Error.captureStackTrace(holder, currentFrames);
	Error.stackTraceLimit = limit;
	// An application's `Error.prepareStackTrace` may make something else of it: no frames then.
	const stack = typeof holder.stack === "string" ? holder.stack : "";
	const frames: Frame[] = [];
	for (const line of stack.split("\n")) {
		const match = isOwnFrame(line) ? null : frameLocation.exec(line);
		if (match !== null) {
			frames.push({ file: match[1], line: Number(match[2]) });
		}
	}
	return frames;
}

function isNodeFrame(frame: Frame): boolean {
	return frame.file.startsWith("node:");
}

function displayFile(file: string): string {
	if (file.startsWith("file:")) {
		return displayPath(file);
	}
	return isAbsolute(file) ? relative(process.cwd(), file) : file;
}

/**
 * Where the running code creates something now, by a call into an API whose frames `api` matches:
 * the first frame in the module's own file (`url`) if there is one, the API's caller otherwise.
 * `undefined` when the API's caller is Node itself: Node made it for something of its own (an
 * HTTP server's connection-checking interval) and ends it with that.
 */
export function creationSite(api: RegExp, url: string): string | undefined {
	const frames = currentFrames();
	const first = frames.findIndex(frame => !api.test(frame.file));
	if (first === -1 || isNodeFrame(frames[first])) {
		return undefined;
	}
	const files = [ url, fileURLToPath(url) ];
	const own = frames.slice(first).find(frame => files.includes(frame.file)) ?? frames[first];
	return `${displayFile(own.file)}:${own.line}`;
}
