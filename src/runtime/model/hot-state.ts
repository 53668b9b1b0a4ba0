// What a module instance registered through its `import.meta.hot` (../hot/hot.ts): accept and decline,
// dispose and prune handlers, `data`. Part of the instance; the update machinery reads it.

export type MaybePromise = Promise<void> | void;

export interface AcceptRegistration {
	/** `undefined` for a self-accept; otherwise the specifiers as written. */
	readonly specifiers: readonly string[] | undefined;
	/** `accept([…], cb)` passes an array of namespaces; `accept("…", cb)` one namespace. */
	readonly array: boolean;
	readonly callback: ((namespace: never) => MaybePromise) | undefined;
}

export type LifecycleHandler =
	| { readonly kind: "dispose"; readonly callback: (data: never) => MaybePromise }
	| { readonly kind: "prune"; readonly callback: () => MaybePromise };

/** What the update machinery reads and drives; never visible to user code. */
export interface HotState {
	data: unknown;
	readonly accepts: AcceptRegistration[];
	declined: boolean;
	/** Set by `invalidate()`: the instance gives up any acceptance it registered. */
	invalidated: boolean;
	/** Dispose and prune handlers in registration order (a pruned module runs both, interleaved). */
	readonly handlers: LifecycleHandler[];
	readonly unsubscribers: (() => void)[];
	/** What the dispose handlers filled, once they ran (they run once per instance). */
	disposedData: Record<PropertyKey, unknown> | undefined;
}

export function createHotState(): HotState {
	return { data: undefined, accepts: [], declined: false, invalidated: false, handlers: [], unsubscribers: [], disposedData: undefined };
}
