// `dynohot/loader`: the off-thread hooks module for `module.register("dynohot/loader", {
// parentURL, data: { ignore, silent, sentinel, autoDispose } })` (the seed's way to pass options), and what `register()`
// uses on Node versions without `module.registerHooks`.

import { runAsync } from "./hooks/drive.js";
import { type Hooks, createHooks } from "./hooks/hooks.js";
import type { DynohotOptions } from "./hooks/options.js";
import type { LoadContext, LoadResult, ResolveContext, ResolveResult } from "./hooks/types.js";

// Node calls `initialize` before any hook, with `data` or `undefined`.
let hooks: Hooks = createHooks(undefined);

export function initialize(data: DynohotOptions | undefined): void {
	hooks = createHooks(data);
}

export async function resolve(
	specifier: string,
	context: ResolveContext,
	nextResolve: (specifier: string, context: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
	return runAsync(hooks.resolve(specifier, context, nextResolve));
}

export async function load(
	url: string,
	context: LoadContext,
	nextLoad: (url: string, context: LoadContext) => Promise<LoadResult>,
): Promise<LoadResult> {
	return runAsync(hooks.load(url, context, nextLoad));
}
