// The options a user passes to dynohot (seed: "ignore" and "silent"; the side-effect sentinel's
// `sentinel` and `autoDispose`), with their defaults.

export interface DynohotOptions {
	/** Tested against a module's plain `file:` URL; a match keeps the module out of hot reloading. */
	readonly ignore?: RegExp | undefined;
	/** Print nothing to stderr (messages still reach `import.meta.hot.on("message")`). */
	readonly silent?: boolean | undefined;
	/** Warn when a replaced or pruned module leaves running what its evaluation started (timers, servers, sockets, child processes, workers, listeners on emitters that outlive it). */
	readonly sentinel?: boolean | undefined;
	/** After a replaced or pruned module's dispose handlers ran, stop the timers, servers, sockets, child processes, workers and listeners its evaluation started that are still running. */
	readonly autoDispose?: boolean | undefined;
}

export interface ResolvedOptions {
	readonly ignore: RegExp;
	readonly silent: boolean;
	readonly sentinel: boolean;
	readonly autoDispose: boolean;
}

export const defaultIgnore = /[/\\]node_modules[/\\]/;

export function resolveOptions(options: DynohotOptions | undefined): ResolvedOptions {
	return { ignore: options?.ignore ?? defaultIgnore, silent: options?.silent ?? false, sentinel: options?.sentinel ?? true, autoDispose: options?.autoDispose ?? false };
}

/** The options the runtime reads from the query of its URL (src/runtime/options.ts): only those that are on. */
export function runtimeQuery(options: Pick<ResolvedOptions, "silent" | "sentinel" | "autoDispose">): string {
	const query = new URLSearchParams();
	if (options.silent) {
		query.set("silent", "1");
	}
	if (!options.sentinel) {
		query.set("sentinel", "0");
	}
	if (options.autoDispose) {
		query.set("auto-dispose", "1");
	}
	const text = query.toString();
	return text === "" ? "" : `?${text}`;
}
