// The Hot API (`import.meta.hot`): what a running module instance registers for updates.

import type { AcceptRegistration, HotState, LifecycleHandler, MaybePromise } from "../model/hot-state.js";
import type { UpdateEvent } from "../update-event.js";

export type ModuleNamespace = Record<string, unknown>;

export interface HotHost {
	/** `invalidate()` was called on this instance. */
	invalidate(): void;
	/** Subscribes to every diagnostic message; answers the unsubscribe function. */
	subscribe(listener: (message: string, ...params: unknown[]) => void): () => void;
	/** Subscribes to the events of every update (`update`) or of the failed ones (`error`); answers the unsubscribe function. */
	subscribeUpdates(kind: "update" | "error", listener: (event: UpdateEvent) => void): () => void;
}

const states = new WeakMap<object, HotState>();
const hosts = new WeakMap<object, HotHost>();

function stateOf(hot: object): HotState {
	const state = states.get(hot);
	if (state === undefined) {
		throw new TypeError("Illegal invocation");
	}
	return state;
}

function assertFunction(value: unknown, what: string): void {
	if (typeof value !== "function") {
		throw new TypeError(`${what} must be a function`);
	}
}

export class Hot<Data extends Record<PropertyKey, unknown> = Record<PropertyKey, unknown>> {
	/** @internal Created by the runtime for each module instance. */
	constructor(state: HotState, host: HotHost) {
		states.set(this, state);
		hosts.set(this, host);
	}

	/**
	 * The object the previous instance's `dispose` handlers received; `undefined` on the first
	 * evaluation of the module.
	 */
	get data(): Data | undefined {
		return stateOf(this).data as Data | undefined;
	}

	/** Accept updates of this module: it is re-evaluated in place, importers are only relinked. */
	accept(onUpdate?: (self: ModuleNamespace) => MaybePromise): void;
	/** Accept updates of the dependency imported with this specifier. */
	accept(specifier: string, onUpdate?: (dependency: ModuleNamespace) => MaybePromise): void;
	/** Accept updates of the dependencies imported with these specifiers. */
	accept(specifiers: readonly string[], onUpdate?: (dependencies: ModuleNamespace[]) => MaybePromise): void;
	accept(first?: unknown, onUpdate?: unknown): void {
		const state = stateOf(this);
		if (first === undefined || typeof first === "function") {
			state.accepts.push({ specifiers: undefined, array: false, callback: first as AcceptRegistration["callback"] });
			return;
		}
		if (onUpdate !== undefined) {
			assertFunction(onUpdate, "The accept callback");
		}
		const callback = onUpdate as AcceptRegistration["callback"];
		if (typeof first === "string") {
			state.accepts.push({ specifiers: [ first ], array: false, callback });
		} else if (Array.isArray(first) && first.every(specifier => typeof specifier === "string")) {
			state.accepts.push({ specifiers: [ ...first ], array: true, callback });
		} else {
			throw new TypeError("accept() takes a callback, a specifier or an array of specifiers");
		}
	}

	/** An update that would have to replace this module and travel on through it fails. */
	decline(): void {
		stateOf(this).declined = true;
	}

	/** Runs when this instance is replaced; `data` is handed to the next instance. */
	dispose(onDispose: (data: Data) => MaybePromise): void {
		assertFunction(onDispose, "The dispose callback");
		stateOf(this).handlers.push({ kind: "dispose", callback: onDispose });
	}

	/** Runs when this module leaves the graph (with its `dispose` handlers, in reverse registration order). */
	prune(onPrune: () => MaybePromise): void {
		assertFunction(onPrune, "The prune callback");
		stateOf(this).handlers.push({ kind: "prune", callback: onPrune });
	}

	/**
	 * Outside an update, schedules one that re-evaluates this module; inside one, cancels this
	 * module's acceptance so that the change travels on to its importers.
	 */
	invalidate(): void {
		stateOf(this);
		hosts.get(this)!.invalidate();
	}

	/**
	 * Receives every diagnostic message (format string, then its parameters). Answers the function
	 * that unsubscribes; the subscription ends when this instance is disposed.
	 */
	on(event: "message", callback: (message: string, ...params: unknown[]) => void): () => void;
	/** Receives the event of every update, as it ends (what `DYNOHOT_EVENTS` writes). */
	on(event: "update", callback: (event: UpdateEvent) => void): () => void;
	/** Receives the event of every update that was not applied. */
	on(event: "error", callback: (event: UpdateEvent) => void): () => void;
	on(event: "message" | "update" | "error", callback: unknown): () => void {
		if (event !== "message" && event !== "update" && event !== "error") {
			throw new TypeError(`Unknown event: ${String(event)}`);
		}
		assertFunction(callback, `The ${event} callback`);
		const state = stateOf(this);
		const host = hosts.get(this)!;
		const unsubscribe = event === "message"
			? host.subscribe(callback as (message: string, ...params: unknown[]) => void)
			: host.subscribeUpdates(event, callback as (event: UpdateEvent) => void);
		state.unsubscribers.push(unsubscribe);
		return unsubscribe;
	}
}

/** Starts disposing the instance (once): its message and update subscriptions end; answers the fresh `data`. */
function beginDisposal(state: HotState): Record<PropertyKey, unknown> {
	const data: Record<PropertyKey, unknown> = {};
	state.disposedData = data;
	for (const unsubscribe of state.unsubscribers.splice(0)) {
		unsubscribe();
	}
	return data;
}

/** Removes the handlers of `kinds` from the state; answers them in reverse registration order. */
function takeHandlers(state: HotState, kinds: ReadonlySet<LifecycleHandler["kind"]>): LifecycleHandler[] {
	const taken: LifecycleHandler[] = [];
	const kept: LifecycleHandler[] = [];
	for (const handler of state.handlers) {
		(kinds.has(handler.kind) ? taken : kept).push(handler);
	}
	state.handlers.splice(0, state.handlers.length, ...kept);
	return taken.reverse();
}

const disposeOnly = new Set([ "dispose" ] as const);
const disposeAndPrune = new Set([ "dispose", "prune" ] as const);
const pruneOnly = new Set([ "prune" ] as const);

async function runHandlers(handlers: readonly LifecycleHandler[], data: Record<PropertyKey, unknown>): Promise<void> {
	for (const handler of handlers) {
		if (handler.kind === "dispose") {
			await handler.callback(data as never);
		} else {
			await handler.callback();
		}
	}
}

/**
 * Runs the dispose handlers (reverse registration order); answers the `data` they filled. An
 * instance whose replacement failed to evaluate stays in place, disposed: when the replacement
 * is retried, its handlers do not run again and the same `data` is handed on.
 */
export async function runDisposeHandlers(state: HotState): Promise<Record<PropertyKey, unknown>> {
	if (state.disposedData !== undefined) {
		return state.disposedData;
	}
	const data = beginDisposal(state);
	await runHandlers(takeHandlers(state, disposeOnly), data);
	return data;
}

/**
 * The module left the graph: its dispose and prune handlers run together, in reverse
 * registration order (dispose handlers that ran already, when it was replaced, do not run again).
 */
export async function runPruneHandlers(state: HotState): Promise<void> {
	if (state.disposedData !== undefined) {
		await runHandlers(takeHandlers(state, pruneOnly), state.disposedData);
		return;
	}
	const data = beginDisposal(state);
	await runHandlers(takeHandlers(state, disposeAndPrune), data);
}
