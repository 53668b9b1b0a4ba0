// The options a user passes to dynohot (seed: "ignore" and "silent"; `autoDispose`), with their
// defaults.

export interface DynohotOptions {
	/** Tested against a module's plain `file:` URL; a match keeps the module out of hot reloading. */
	readonly ignore?: RegExp | undefined;
	/** Print nothing to stderr (messages still reach `import.meta.hot.on("message")`). */
	readonly silent?: boolean | undefined;
	/** After a replaced or pruned module's dispose handlers ran, stop the timers, servers, sockets, child processes, workers and listeners its evaluation started that are still running. */
	readonly autoDispose?: boolean | undefined;
}

export interface ResolvedOptions {
	readonly ignore: RegExp;
	readonly silent: boolean;
	readonly autoDispose: boolean;
}

export const defaultIgnore = /[/\\]node_modules[/\\]/;

export function resolveOptions(options: DynohotOptions | undefined): ResolvedOptions {
	return { ignore: options?.ignore ?? defaultIgnore, silent: options?.silent ?? false, autoDispose: options?.autoDispose ?? false };
}

/** The options the runtime reads from the query of its URL (src/runtime/options.ts): only those that are on. */
export function runtimeQuery(options: Pick<ResolvedOptions, "silent" | "autoDispose">): string {
	const query = new URLSearchParams();
	if (options.silent) {
		query.set("silent", "1");
	}
	if (options.autoDispose) {
		query.set("auto-dispose", "1");
	}
	const text = query.toString();
	return text === "" ? "" : `?${text}`;
}
