// Turning dynohot on: the resolve and load hooks go in the main thread through
// `module.registerHooks` where Node has it (22.15+, 23.5+), and in Node's hooks thread through
// `module.register` otherwise (Node 20). Feature detection, not version numbers: `register` is
// deprecated (DEP0205 on Node 26) wherever `registerHooks` exists, and in-thread hooks need no
// second thread.

import * as nodeModule from "node:module";
import { runSync } from "./hooks/drive.js";
import { createHooks } from "./hooks/hooks.js";
import type { DynohotOptions } from "./hooks/options.js";
import type { LoadContext, LoadResult, ResolveContext, ResolveResult } from "./hooks/types.js";

export type { DynohotOptions } from "./hooks/options.js";

interface SyncHooks {
	resolve(specifier: string, context: ResolveContext, nextResolve: (specifier: string, context: ResolveContext) => ResolveResult): ResolveResult;
	load(url: string, context: LoadContext, nextLoad: (url: string, context: LoadContext) => LoadResult): LoadResult;
}

// `@types/node` 20 does not declare `registerHooks`.
const { registerHooks } = nodeModule as { registerHooks?: (hooks: SyncHooks) => unknown };

let active = false;

/** Whether `register` has run in this thread. */
export function isActive(): boolean {
	return active;
}

/** Activates hot reloading for the modules loaded from now on. Call it once per process. */
export function register(options: DynohotOptions = {}): void {
	if (active) {
		throw new Error("dynohot: hot reloading is already active");
	}
	active = true;
	if (registerHooks === undefined) {
		nodeModule.register(new URL("./loader.js", import.meta.url), {
			data: { ignore: options.ignore, silent: options.silent, sentinel: options.sentinel, autoDispose: options.autoDispose } satisfies DynohotOptions,
		});
		return;
	}
	const hooks = createHooks(options);
	registerHooks({
		resolve: (specifier, context, nextResolve) => runSync(hooks.resolve(specifier, context, nextResolve)),
		load: (url, context, nextLoad) => runSync(hooks.load(url, context, nextLoad)),
	});
}
