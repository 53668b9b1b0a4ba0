// Loading the next version of a changed file (transform contract §4). Without an earlier loader
// rewriting the source, the file is read and transformed in the main thread and the body is
// compiled with an indirect `eval` outside V8's compilation cache (nothing is added to Node's
// module map or to V8's cache, so reloads do not grow memory); its requests are resolved by the
// hooks through `dynohot:request` imports, which answer the same stubs as static loading.
// Otherwise the hooks load `?dynohot-version=n`.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { CompilerOptions } from "../../transform/backend.js";
import { compiledSyntaxError, jsonSyntaxError } from "../../transform/error.js";
import type { HotController, ModuleFunction } from "../model/controller.js";
import type { ModuleMetadata } from "../model/metadata.js";
import { requestURL } from "./request-url.js";
import type { ModuleBody } from "../model/module-body.js";
import { ModuleVersion } from "../model/version.js";
import { compileUncached } from "./uncached-compile.js";

interface TransformModule {
	readonly transformSync: (source: string, options: { url: string; typescript?: boolean; jsx?: boolean; compilerOptions?: CompilerOptions; sourceMap?: boolean }) =>
		{ code: string; map: string | undefined; metadata: ModuleMetadata };
}

// Loaded on the first reload: a process that never reloads never loads the transform.
let transformModule: Promise<TransformModule> | undefined;

function loadTransform(): Promise<TransformModule> {
	return transformModule ??= import("../../transform/index.js") as Promise<TransformModule>;
}

const jsonMetadata: ModuleMetadata = {
	prefix: "$hot$",
	execute: "$hot$execute",
	async: false,
	usesImportMeta: false,
	usesDynamicImport: false,
	exports: [ "default" ],
	requests: [],
};

function jsonBody(text: string, url: string): ModuleBody {
	// Parsed now: a JSON syntax error is an error of loading the changed file, shown with its
	// position and a code frame like a syntax error of JavaScript.
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw jsonSyntaxError(url, text, error);
	}
	return function* (_meta, _import, link) {
		// Read before evaluation, the export is in its temporal dead zone, as in the stub's body.
		link(() => {}, { default: () => json });
		yield;
		const json = value;
	};
}

/**
 * The name the compiled body goes by in stack traces. Lines are the original ones, so without
 * source maps the file's own URL is right. With source maps, Node looks a frame's map up by this
 * name, the module's own map first (the map of the stub, the first version), and keeps the map of
 * evaluated code for the life of the process, one per name: the later versions of a file share a
 * name of their own, so each one's map replaces the previous one's instead of adding to them (a
 * new name per version grew the heap by the size of a map on every reload). The frames show the
 * original URL from the map's `sources`.
 */
function sourceURLOf(url: string): string {
	return process.sourceMapsEnabled ? `${url}${url.includes("?") ? "&" : "?"}dynohot-reload` : url;
}

/**
 * The module's body, compiled from the transform's `code`; a syntax error V8 finds there (the
 * transform leaves a few to it) is reported at its place in the module's `source`.
 */
function compileBody(url: string, source: string, code: string, map: string | undefined, execute: string): ModuleBody {
	const sourceMap = map === undefined
		? ""
		: `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map, "utf8").toString("base64")}`;
	// Indirect eval: global scope, strict code (the body says "use strict"), declares nothing global.
	const indirectEval = eval;
	try {
		return compileUncached(() => indirectEval(`${code}\n${execute}\n//# sourceURL=${sourceURLOf(url)}${sourceMap}`) as ModuleBody);
	} catch (error) {
		throw error instanceof SyntaxError ? compiledSyntaxError(url, source, code, error) ?? error : error;
	}
}

async function resolveRequests(metadata: ModuleMetadata, url: string): Promise<ModuleFunction[]> {
	return Promise.all(metadata.requests.map(async request => {
		const stub = await import(requestURL(request.specifier, url, request.attributes)) as { default: ModuleFunction };
		return stub.default;
	}));
}

/**
 * Loads the file's current text as a new version (not applied: see `../update/updater.ts`). The time the
 * transform takes is added to `durations.transform`, when given (an update's event reports it).
 */
export async function loadNextVersion(controller: HotController, durations?: { transform: number }): Promise<ModuleVersion> {
	const { url, source } = controller;
	const number = controller.latestVersionNumber + 1;
	if (source.reload === "hooks") {
		let stub: { default: ModuleFunction };
		try {
			stub = await import(`${url}${url.includes("?") ? "&" : "?"}dynohot-version=${number}`) as { default: ModuleFunction };
		} catch (error) {
			// The number is used up: Node 20 keeps a module that failed to link (an import of a
			// file that did not exist yet) and would answer the same failure at this URL again.
			controller.latestVersionNumber = number;
			throw error;
		}
		stub.default(controller.host.stubRuntime);
		const version = controller.pendingVersion;
		if (version?.number !== number) {
			throw new Error(`dynohot: ${url} did not register version ${number}`);
		}
		return version;
	}
	const text = await readFile(fileURLToPath(url), "utf8");
	controller.latestVersionNumber = number;
	if (source.format === "json") {
		return new ModuleVersion(number, jsonBody(text, url), jsonMetadata, [], controller.host.stubRuntime);
	}
	const { transformSync } = await loadTransform();
	// A map only when Node applies maps (--enable-source-maps, process.setSourceMapsEnabled): V8
	// keeps memory off its heap for the inline map of every evaluated version (measured: 11-15 KB
	// of RSS per reload with the map, 6-8 KB without), and nothing would read it.
	const sourceMap = process.sourceMapsEnabled === true;
	const transformStarted = performance.now();
	let transformed: ReturnType<TransformModule["transformSync"]>;
	try {
		transformed = transformSync(text, {
			url,
			typescript: source.format === "typescript",
			jsx: source.jsx === true,
			compilerOptions: source.compilerOptions ?? {},
			sourceMap,
		});
	} finally {
		if (durations !== undefined) {
			durations.transform += performance.now() - transformStarted;
		}
	}
	const { code, map, metadata } = transformed;
	const execute = compileBody(url, text, code, map, metadata.execute);
	return new ModuleVersion(number, execute, metadata, await resolveRequests(metadata, url), controller.host.stubRuntime);
}
