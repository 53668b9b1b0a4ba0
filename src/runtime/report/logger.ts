// Every diagnostic the runtime prints goes through its `Logger` (one per runtime, made by
// ../runtime.ts): stderr (with the `[hot] ` prefix) unless `silent`, and always to the
// `on("message")` listeners (format string without the prefix, then its parameters, as
// `util.format` reads them). The texts of the update lines are made here too.

import { EOL } from "node:os";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isTransformSyntaxError } from "../../transform/error.js";
import type { StuckCode, UpdateChainLink, UpdateEvent } from "../update-event.js";

type Listener = (message: string, ...params: unknown[]) => void;

/** A message as `util.format` reads it: the format string, then its parameters. */
type Message = [ string, ...unknown[] ];

/** A module's URL as printed: a path relative to the working directory. */
export function displayPath(url: string): string {
	return url.startsWith("file:") ? relative(process.cwd(), fileURLToPath(url)) : url;
}

function modules(count: number): string {
	return count === 1 ? "module" : "modules";
}

/** What an update evaluated, as a format for `loads`, `reevaluations` and the milliseconds it took. */
function evaluatedFormat(loads: number, reevaluations: number): string {
	return `%d new ${modules(loads)}, reevaluated %d existing ${modules(reevaluations)} in %dms`;
}

function successMessage(loads: number, reevaluations: number, milliseconds: number): Message {
	return [ `Loaded ${evaluatedFormat(loads, reevaluations)}.`, loads, reevaluations, Math.round(milliseconds) ];
}

export type ErrorPhase = "loading" | "link" | "evaluation" | "dispose" | "prune" | "accept";

const phaseDescriptions: Record<ErrorPhase, string> = {
	loading: "while loading the changed file",
	link: "while linking",
	evaluation: "while evaluating",
	dispose: "in a dispose handler of",
	prune: "in a prune handler of",
	accept: "in an accept handler of",
};

// The files of this package, as stack frames name them: built, or mapped back to the sources.
const ownFiles = [ "dist/", "src/" ].flatMap(folder => {
	const url = new URL(`../../../${folder}`, import.meta.url);
	return [ url.href, fileURLToPath(url) ];
});

/** Whether `line` (of a stack) is a frame of the runtime's own files. */
export function isOwnFrame(line: string): boolean {
	return /^\s+at /u.test(line) && ownFiles.some(file => line.includes(file));
}

/**
 * Frames of Node's and V8's own that the runtime passes through to reach a module's body: a step
 * of the body's generator (`Generator.next`), and `AsyncLocalStorage.run`, which marks the module
 * being evaluated (src/runtime/model/evaluation-context.ts; `node:async_hooks` on Node 20,
 * `node:internal/async_local_storage/…` from 22 on). They are the runtime's when the
 * runtime called them; an application's own generators and `run` calls have its frames as callers.
 */
const passThrough = /^\s+at (?:async )?(?:(?:Async)?Generator\.(?:next|throw|return) \(<anonymous>\)|AsyncLocalStorage\.run \(node:[\w/]+:\d+:\d+\))$/u;

/**
 * A copy of `error` to print, whose stack (and its cause's) has no frame of dynohot's own files:
 * below the application's frames, an update's stack is the runtime linking or evaluating, which
 * says nothing about the error. Every other frame stays. The error itself is the application's
 * and stays as it is.
 */
export function withoutOwnFrames(error: unknown): unknown {
	if (!(error instanceof Error) || typeof error.stack !== "string") {
		return error;
	}
	const stack = trimmedStack(error.stack);
	const cause = Object.hasOwn(error, "cause") ? withoutOwnFrames(error.cause) : undefined;
	if (stack === error.stack && cause === error.cause) {
		return error;
	}
	const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as Error;
	const hidden = (value: unknown): PropertyDescriptor => ({ value, enumerable: false, writable: true, configurable: true });
	Object.defineProperty(copy, "stack", hidden(stack));
	if (cause !== error.cause) {
		Object.defineProperty(copy, "cause", hidden(cause));
	}
	return copy;
}

function trimmedStack(stack: string): string {
	const lines = stack.split("\n");
	// From the outermost frame in: a pass-through frame goes when its caller (the next line) went.
	const dropped = new Array<boolean>(lines.length + 1).fill(false);
	for (let index = lines.length - 1; index >= 0; index--) {
		const line = lines[index];
		dropped[index] = isOwnFrame(line) || (passThrough.test(line) && dropped[index + 1]);
	}
	const kept = lines.filter((_, index) => !dropped[index]);
	// Nothing but the runtime's frames: they are all there is to say where the error arose (and
	// without any frame Node prints the error as `[SyntaxError: …]`).
	return kept.some(line => /^\s+at /u.test(line)) ? kept.join("\n") : stack;
}

/** A module that gave up accepting an update once it was applied to it: the change was passed on (docs/semantics.md §5.3). */
export interface GaveUp {
	readonly url: string;
	/** It called `invalidate()` in an accept handler (otherwise an accept handler threw). */
	readonly invalidated: boolean;
}

/** What an update had applied when modules gave up accepting it. */
export interface AppliedPart {
	readonly loads: number;
	readonly reevaluations: number;
	readonly milliseconds: number;
	readonly gaveUp: readonly GaveUp[];
}

/**
 * What the report of an update that went no further is about, as a format and its parameters:
 * the update, or, when part of it was applied already, the change sent on by those who gave it up.
 */
function stoppedChange(applied: AppliedPart | undefined): Message {
	if (applied === undefined) {
		return [ "The update" ];
	}
	const { loads, reevaluations, milliseconds, gaveUp } = applied;
	const reasons = gaveUp.map(({ invalidated }) => invalidated ? "%s called invalidate() in an accept handler" : "an accept handler of %s failed");
	return [
		`The update was applied in part: loaded ${evaluatedFormat(loads, reevaluations)}; then ${reasons.join(" and ")}, and the change sent on from there`,
		loads, reevaluations, Math.round(milliseconds), ...gaveUp.map(({ url }) => displayPath(url)),
	];
}

function declinedMessage(declined: readonly string[], applied?: AppliedPart): Message {
	const [ change, ...params ] = stoppedChange(applied);
	return [ `${change} was declined by:${declined.map(() => `${EOL}  %s`).join("")}`, ...params, ...declined.map(displayPath) ];
}

/** How an importer that is not hot is named: its package, or its path. */
function importerName(url: string): string {
	const packages = url.lastIndexOf("/node_modules/");
	if (packages === -1) {
		return displayPath(url);
	}
	const [ scope = "", name = "" ] = url.slice(packages + "/node_modules/".length).split("/");
	return scope.startsWith("@") ? `${scope}/${name}` : scope;
}

function unacceptedMessage(lines: readonly UpdateChainLink[], applied?: AppliedPart): Message {
	const [ change, ...changeParams ] = stoppedChange(applied);
	const params: string[] = [];
	const format = lines.map(line => {
		params.push(displayPath(line.url));
		let text = `${EOL}  ${"   ".repeat(Math.max(0, line.depth - 1))}${line.depth > 0 ? "└─ " : ""}%s${line.changed ? " (changed)" : ""}`;
		if (line.outsideImporter !== null) {
			params.push(importerName(line.outsideImporter));
			text += ", imported by %s, which is not hot";
		}
		return text;
	});
	const outside = lines.filter(line => line.outsideImporter !== null).map(line => displayPath(line.url)).join(", ");
	if (outside === "") {
		return [ `${change} was not accepted: it reached the root module without an accepting boundary.${format.join("")}`, ...changeParams, ...params ];
	}
	// Only imports made while a hot module is being evaluated are that module's dependencies.
	return [
		`${change} was not accepted: it reached a module that code outside the hot graph imported, without an accepting boundary.${format.join("")}${EOL}` +
		"Accept the change in %s (import.meta.hot.accept()), or have a hot module's evaluation wait for the import (top-level await), which makes %s a dependency of that module.",
		...changeParams, ...params, outside, outside,
	];
}

/** Why a module's code may still hold something after its handlers gave up: said when an update waits for them. */
const closeHint = " An HTTP server's close() waits for its open connections: call server.closeAllConnections() as well.";

function refusedMessage(refused: readonly string[]): Message {
	return [
		`The update was refused: it would replace ${refused.map(() => "%s").join(", ")}, whose dispose handler failed earlier. Restart the process to apply it.`,
		...refused.map(displayPath),
	];
}

/**
 * The `[hot]` line of a finished update; none when an error ended it (reported as it happened,
 * with its stack) or it got stuck (reported when it did), and none for a handler error, which the
 * logger advises a restart for once.
 */
function updateMessage(event: UpdateEvent, gaveUp: readonly GaveUp[]): Message | undefined {
	const { loaded, reevaluated, durationMs } = event;
	const applied = gaveUp.length === 0 ? undefined : { loads: loaded.length, reevaluations: reevaluated.length, milliseconds: durationMs.total, gaveUp };
	switch (event.outcome) {
		case "applied":
			return successMessage(loaded.length, reevaluated.length, durationMs.total);
		case "declined":
			return declinedMessage(event.chain.filter(link => link.declined).map(link => link.url), applied);
		case "unaccepted":
			return unacceptedMessage(event.chain, applied);
		case "refused":
			return refusedMessage(event.refused ?? []);
		default:
			return undefined;
	}
}

/** The runtime's messages: printed unless silent, and handed to the `on("message")` listeners. */
export class Logger {
	readonly #listeners = new Set<Listener>();
	// A handler failed and the restart it calls for was advised: later failures are reported without it.
	#restartAdvised = false;

	constructor(readonly silent: boolean) {}

	subscribe(listener: Listener): () => void {
		// A wrapper so that one function subscribed twice is two subscriptions.
		const entry: Listener = (message, ...params) => listener(message, ...params);
		this.#listeners.add(entry);
		return () => {
			this.#listeners.delete(entry);
		};
	}

	log(message: string, ...params: unknown[]): void {
		if (!this.silent) {
			console.error(`[hot] ${message}`, ...params);
		}
		this.#notify(message, params);
	}

	#notify(message: string, params: readonly unknown[]): void {
		for (const listener of [ ...this.#listeners ]) {
			try {
				listener(message, ...params);
			} catch (error) {
				// A broken listener must not break the update that is being reported.
				if (!this.silent) {
					console.error("[hot] A message listener threw:", error);
				}
			}
		}
	}

	/**
	 * Errors name the phase and the module; a transform error shows its code frame, not a stack.
	 * Listeners receive the error itself.
	 */
	error(phase: ErrorPhase, url: string, error: unknown): void {
		const heading = `Error ${phaseDescriptions[phase]} %s:${EOL}`;
		if (isTransformSyntaxError(error)) {
			this.log(`${heading}%s: %s${EOL}%s`, displayPath(url), error.name, error.message, error.codeFrame);
			return;
		}
		if (!this.silent) {
			console.error(`[hot] ${heading}%O`, displayPath(url), withoutOwnFrames(error));
		}
		this.#notify(`${heading}%O`, [ displayPath(url), error ]);
	}

	/**
	 * The code of `url` that an update waits for has not settled after `seconds`: the next change
	 * gives the update up (`abandoned`), or a supervisor restarts the app for it.
	 */
	stuck(waitingFor: StuckCode, url: string, seconds: number, abandoned: boolean): void {
		const hint = waitingFor === "dispose handler" || waitingFor === "prune handler" ? closeHint : "";
		if (abandoned) {
			this.log(`The update is stuck: the ${waitingFor} of %s has not settled after %ds. It goes on if it settles; ` +
				`the next save gives it up and applies from the last good state.${hint}`, displayPath(url), seconds);
		} else {
			this.log(`The update is waiting for the ${waitingFor} of %s, which has not settled after %ds.${hint}`, displayPath(url), seconds);
		}
	}

	/** A newer change gave up the update stuck in the `waitingFor` of `url`. */
	stuckGivenUp(waitingFor: StuckCode, url: string): void {
		this.log(`The update stuck in the ${waitingFor} of %s is given up: what it had not applied is dropped, and this save applies from the last good state.`, displayPath(url));
	}

	/**
	 * A dispose or prune handler of `url` threw (reported already): the state it leaves is
	 * unknown. Said in full once; after that, one line per module.
	 */
	handlerFailed(phase: "dispose" | "prune", url: string): void {
		const consequence = phase === "dispose"
			? "Until then, updates that would replace it are refused, and the others are applied."
			: "The module left the graph all the same, and updates go on being applied.";
		if (this.#restartAdvised) {
			this.log(`A ${phase} handler of %s failed as well. ${consequence}`, displayPath(url));
			return;
		}
		this.#restartAdvised = true;
		this.log(`A ${phase} handler of %s failed: what it should have cleaned up may still be running, so the process ` +
			`should be restarted. ${consequence}`, displayPath(url));
	}

	/**
	 * The `[hot]` line of a finished update. An error that ended it was reported as it happened
	 * (`error()`, with its stack): nothing more is said. `gaveUp`: who gave up accepting what an
	 * earlier round applied, when the update went on from there.
	 */
	renderUpdate(event: UpdateEvent, gaveUp: readonly GaveUp[]): void {
		const message = updateMessage(event, gaveUp);
		if (message !== undefined) {
			this.log(...message);
		}
	}
}
