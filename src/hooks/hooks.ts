// The resolve and load hooks (docs/architecture.md, "`dynohot:` URLs"), written once as
// generators for both hook styles (see ./drive.ts): `registerHooks` runs them synchronously in
// the main thread, `register` asynchronously in Node's hooks thread.

import { readFileSync, writeSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "../transform/index.js";
import { makeAdapter } from "./adapter.js";
import { settle } from "./drive.js";
import { type HotFormat, hotFormatOf, isTypeScriptURL } from "./hot-format.js";
import { readInputSourceMap } from "./input-source-map.js";
import { makeMainModule } from "./main-module.js";
import { type DynohotOptions, resolveOptions } from "./options.js";
import { jsonMetadata, makeJsonBody, makeStub, type VersionSource } from "./stub.js";
import type { ImportAttributes, LoadContext, LoadResult, ModuleSource, ResolveContext, ResolveResult } from "./types.js";
import { DYNOHOT_SCHEME, adapterURL, mainURL, parseDynohotURL, splitVersion } from "./urls.js";

type AnyNextResolve = (specifier: string, context: ResolveContext) => ResolveResult | Promise<ResolveResult>;
type AnyNextLoad = (url: string, context: LoadContext) => LoadResult | Promise<LoadResult>;

export interface Hooks {
	resolve(specifier: string, context: ResolveContext, nextResolve: AnyNextResolve): Generator<unknown, ResolveResult, unknown>;
	load(url: string, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadResult, unknown>;
}

/** What resolve learnt about a hot module, for its load. */
interface HotModule {
	readonly format: string | null | undefined;
	readonly attributes: ImportAttributes;
}

function text(source: ModuleSource | null | undefined): string {
	if (typeof source === "string") {
		return source;
	}
	if (source === null || source === undefined) {
		return "";
	}
	const bytes = source instanceof ArrayBuffer
		? new Uint8Array(source)
		: new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
	return Buffer.from(bytes).toString("utf8");
}

function errorCode(error: unknown): unknown {
	return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

function displayPath(url: string): string {
	return url.startsWith("file:") ? relative(process.cwd(), fileURLToPath(url)) : url;
}

export function createHooks(options: DynohotOptions | undefined): Hooks {
	const { ignore, silent } = resolveOptions(options);
	const runtimeURL = new URL("../runtime/index.js", import.meta.url).href + (silent ? "?silent=1" : "");
	// Keyed by plain URL. Resolve decides what is hot; load builds a stub for exactly those URLs,
	// so the two can never disagree (and whatever else loads a hot URL gets the stub too).
	const hotModules = new Map<string, HotModule>();

	function hotFormat(result: ResolveResult, attributes: ImportAttributes): HotFormat | undefined {
		return hotFormatOf(splitVersion(result.url).url, result.format, attributes, ignore);
	}

	function remember(result: ResolveResult, attributes: ImportAttributes): void {
		hotModules.set(result.url, { format: result.format, attributes });
	}

	function noticeColdEntry(url: string): void {
		if (!silent) {
			// Synchronous: the hooks thread may not get to flush a stream before a short program exits.
			writeSync(2, `[hot] Hot reloading is disabled for ${displayPath(url)}: it is not a hot ES module.\n`);
		}
	}

	function* resolve(specifier: string, context: ResolveContext, nextResolve: AnyNextResolve): Generator<unknown, ResolveResult, unknown> {
		const { parentURL } = context;
		if (specifier.startsWith(DYNOHOT_SCHEME)) {
			const target = parseDynohotURL(specifier);
			switch (target.kind) {
				case "request": {
					const parent = target.parent ?? (parentURL === undefined ? undefined : splitVersion(parentURL).url);
					const result = yield* settle(nextResolve(target.specifier, {
						...context,
						parentURL: parent,
						importAttributes: target.attributes,
					}));
					if (hotFormat(result, target.attributes) === undefined) {
						return { url: adapterURL(result.url, target.attributes), format: "module", shortCircuit: true };
					}
					remember(result, target.attributes);
					return { url: result.url, format: "module", shortCircuit: true };
				}
				case "resolve": {
					const result = yield* settle(nextResolve(target.specifier, { ...context, parentURL: target.parent }));
					return { ...result, shortCircuit: true };
				}
				case "adapter":
				case "main":
					return { url: specifier, format: "module", shortCircuit: true };
			}
		}
		if (parentURL?.startsWith(DYNOHOT_SCHEME) === true) {
			// The imports of an adapter or main module: the module itself (resolved already, never
			// redirected again) and the runtime. Resolve them from the module they stand for.
			const parent = parseDynohotURL(parentURL);
			const from = parent.kind === "adapter" || parent.kind === "main" ? parent.url : parentURL;
			return yield* settle(nextResolve(specifier, { ...context, parentURL: from }));
		}
		const result = yield* settle(nextResolve(specifier, context));
		if (parentURL !== undefined && context.conditions.includes("require")) {
			// `require()` (hooked too under `registerHooks`) cannot wait for a hot graph to evaluate.
			return result;
		}
		if (splitVersion(result.url).version !== 0) {
			// The runtime loading a version that an earlier loader rewrote.
			return result;
		}
		const hot = hotFormat(result, context.importAttributes) !== undefined;
		if (parentURL === undefined) {
			if (!hot) {
				noticeColdEntry(result.url);
				return result;
			}
			remember(result, context.importAttributes);
			return { url: mainURL(result.url), format: "module", shortCircuit: true };
		}
		if (hot) {
			// A hot file imported from outside the hot graph (a package, a CommonJS module's
			// `import()`): it starts a hot graph of its own.
			remember(result, context.importAttributes);
			return { url: mainURL(result.url), format: "module", shortCircuit: true };
		}
		return result;
	}

	function* loadSource(url: string, hot: HotModule, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadResult, unknown> {
		const loadContext = { ...context, format: hot.format, importAttributes: hot.attributes };
		try {
			return yield* settle(nextLoad(url, loadContext));
		} catch (error) {
			// Node 20 (and 22 without type stripping) refuses `.ts`; the transform strips types itself.
			if (errorCode(error) === "ERR_UNKNOWN_FILE_EXTENSION" && isTypeScriptURL(url)) {
				return { format: "module-typescript", source: readFileSync(fileURLToPath(url)) };
			}
			throw error;
		}
	}

	/** Whether the runtime can make the next version from the file itself (no loader rewrote it). */
	function isFileContent(url: string, source: string): boolean {
		try {
			return readFileSync(fileURLToPath(url), "utf8") === source;
		} catch {
			return false;
		}
	}

	function* load(url: string, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadResult, unknown> {
		if (url.startsWith(DYNOHOT_SCHEME)) {
			const target = parseDynohotURL(url);
			switch (target.kind) {
				case "adapter":
					return { format: "module", source: makeAdapter(target.url, target.attributes, runtimeURL), shortCircuit: true };
				case "main":
					return { format: "module", source: makeMainModule(target.url, runtimeURL), shortCircuit: true };
				default:
					throw new TypeError(`dynohot: '${url}' is resolved, never loaded`);
			}
		}
		const { url: plainURL, version } = splitVersion(url);
		const hot = hotModules.get(plainURL);
		if (hot === undefined) {
			return yield* settle(nextLoad(url, context));
		}
		const loaded = yield* loadSource(url, hot, context, nextLoad);
		const source = text(loaded.source);
		if (loaded.format === "json") {
			try {
				JSON.parse(source);
			} catch (error) {
				// As Node reports a JSON module that does not parse.
				throw new SyntaxError(`${fileURLToPath(plainURL)}: ${(error as Error).message}`);
			}
			const stub = makeStub({
				url: plainURL,
				version,
				code: makeJsonBody(source),
				map: undefined,
				metadata: jsonMetadata,
				source: { format: "json", reload: "file" },
				runtimeURL,
			});
			return { format: "module", source: stub, shortCircuit: true };
		}
		let versionSource: VersionSource;
		if (loaded.format === "module-typescript") {
			versionSource = { format: "typescript", reload: "file" };
		} else if (loaded.format === "module") {
			// A `.ts` file that arrives as JavaScript was compiled by an earlier loader; so was any
			// file whose source is not what is on disk. Their next versions come through the hooks.
			const rewritten = isTypeScriptURL(plainURL) || !isFileContent(plainURL, source);
			versionSource = { format: "javascript", reload: rewritten ? "hooks" : "file" };
		} else {
			throw new TypeError(`dynohot: ${plainURL} was resolved as an ES module, but loads as '${String(loaded.format)}'`);
		}
		const transformed = transformSync(source, {
			url: plainURL,
			typescript: versionSource.format === "typescript",
			sourceMap: true,
			...inputSourceMap(source, plainURL),
		});
		const stub = makeStub({
			url: plainURL,
			version,
			code: transformed.code,
			map: transformed.map,
			metadata: transformed.metadata,
			source: versionSource,
			runtimeURL,
		});
		return { format: "module", source: stub, shortCircuit: true };
	}

	return { resolve, load };
}

function inputSourceMap(source: string, url: string): { inputSourceMap?: string } {
	const map = readInputSourceMap(source, url);
	return map === undefined ? {} : { inputSourceMap: map };
}
