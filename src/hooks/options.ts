// The options a user passes to dynohot (seed: "ignore" and "silent"), with their defaults.

export interface DynohotOptions {
	/** Tested against a module's plain `file:` URL; a match keeps the module out of hot reloading. */
	readonly ignore?: RegExp | undefined;
	/** Print nothing to stderr (messages still reach `import.meta.hot.on("message")`). */
	readonly silent?: boolean | undefined;
}

export interface ResolvedOptions {
	readonly ignore: RegExp;
	readonly silent: boolean;
}

export const defaultIgnore = /[/\\]node_modules[/\\]/;

export function resolveOptions(options: DynohotOptions | undefined): ResolvedOptions {
	return { ignore: options?.ignore ?? defaultIgnore, silent: options?.silent ?? false };
}
