// The runtime: what the stubs, adapters and facades of hot modules call (transform contract §4).
// Stubs import this module by absolute URL with the options in the query, so every hot module of
// the process shares one runtime object (./runtime.ts), made here.

import type { AdapterModule } from "./model/adapter.js";
import type { HotController, ModuleFunction } from "./model/controller.js";
import type { ModuleMetadata } from "./model/metadata.js";
import { optionsFromURL } from "./options.js";
import { supervised, whenReplaced } from "../cli/app-channel.js";
import { Runtime } from "./runtime.js";
import type { ModuleBody } from "./model/module-body.js";
import type { ModuleSource } from "./model/version.js";
import { startAttribution } from "./sentinel/attribution.js";
import { setSentinelOptions } from "./sentinel/leftovers.js";

const options = optionsFromURL(import.meta.url);
// The side-effect sentinel watches every evaluation of the process (Node's async hooks and
// diagnostics channels): its options are the process's, set once here.
if (options.sentinel || options.autoDispose) {
	setSentinelOptions({ warn: options.sentinel, autoDispose: options.autoDispose });
	startAttribution();
}
const runtime = new Runtime({
	silent: options.silent,
	eventsFile: process.env["DYNOHOT_EVENTS"] || undefined,
	supervised,
});
if (supervised) {
	whenReplaced(() => runtime.disposeAll());
}

/** The controller of a hot module (memoised per URL); a higher `version` is a newer version of its code. */
export function acquire(
	url: string,
	version: number,
	execute: ModuleBody,
	metadata: ModuleMetadata,
	dependencies: readonly ModuleFunction[],
	source: ModuleSource,
): HotController {
	return runtime.stubRuntime.acquire(url, version, execute, metadata, dependencies, source);
}

/** The module record of a module Node loaded natively. */
export function adapter(url: string, namespace: Readonly<Record<string, unknown>>): AdapterModule {
	return runtime.adapter(url, namespace);
}

/** See `Runtime.main`: links and evaluates the hot graph under a module a facade imports. */
export function main(moduleFunction: ModuleFunction, isMain = false, importer?: string): Promise<object> {
	return runtime.main(moduleFunction, isMain, importer);
}
