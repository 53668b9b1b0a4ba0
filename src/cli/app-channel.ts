// The app's side of the `dynohot` command: the runtime reports what the supervisor acts on (the
// start and end of each update, the end of the entry's evaluation). Outside the command, nothing is sent.

import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { UpdateEvent } from "../runtime/update-event.js";
import { restartOutcomes, supervisedVariable, type AppMessage } from "./messages.js";

const send = process.env[supervisedVariable] === "1" ? process.send?.bind(process) : undefined;

/** The app runs under the `dynohot` command, which restarts it when an update cannot be hot or does not end. */
export const supervised = send !== undefined;

const requireFromHere = createRequire(import.meta.url);
const commonJsCache = requireFromHere.cache;

// dynohot's own files (its native transform, say), wherever the package is.
const ownFolder = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The app's own CommonJS files loaded so far: they never reload, so a change of one is a restart.
 * Packages are left out, as they are of the hot graph.
 */
function commonJsFiles(): string[] {
	return Object.keys(commonJsCache).filter(file => !/[/\\]node_modules[/\\]/u.test(file) && !file.startsWith(ownFolder));
}

function sendMessage(message: AppMessage): void {
	// The channel is closed while the supervisor stops this app: there is nobody left to tell.
	if (send !== undefined && process.connected) {
		send(message);
	}
}

const stopHandlers: (() => Promise<void>)[] = [];

/** `handler` runs when the supervisor replaces this app (the runtime disposes every module then). */
export function whenReplaced(handler: () => Promise<void>): void {
	stopHandlers.push(handler);
}

/** The supervisor is replacing this app: runs what asked to know, one after the other. */
export async function runReplacedHandlers(): Promise<void> {
	for (const handler of stopHandlers) {
		await handler();
	}
}

/** An update has begun; the supervisor gives up on one that does not end. */
export function reportUpdateStarted(changed: readonly string[]): void {
	sendMessage({ type: "dynohot:update-started", changed });
}

/**
 * Hands a finished update to the supervisor. Answers whether the supervisor restarts the app for
 * it, in which case it reports the update itself (one line for the save).
 */
export function reportUpdateToSupervisor(event: UpdateEvent): boolean {
	sendMessage({ type: "dynohot:update", event, commonJsFiles: commonJsFiles() });
	return send !== undefined && restartOutcomes.has(event.outcome);
}

// The entry as Node resolves it (symbolic links followed, as in module URLs). Not
// `import.meta.main`, which Node 20 and 22 do not have.
const entryURL = send === undefined || process.argv[1] === undefined ? undefined : pathToFileURL(requireFromHere.resolve(resolve(process.argv[1]))).href;

/**
 * A module imported from outside the hot graph has been evaluated: when it is the entry, the app
 * is ready to take over (with the ports it listens on).
 */
export function reportRootEvaluated(url: string): void {
	if (url === entryURL) {
		sendMessage({ type: "dynohot:entry-evaluated", commonJsFiles: commonJsFiles() });
	}
}
