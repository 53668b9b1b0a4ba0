// The resolve and load hooks (docs/architecture.md, "`dynohot:` URLs"), written once as
// generators for both hook styles (see ./drive.ts): `registerHooks` runs them synchronously in
// the main thread, `register` asynchronously in Node's hooks thread.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeAdapter } from "./adapter.js";
import { settle } from "./drive.js";
import { isTransformSyntaxError, jsonSyntaxError, type TransformSyntaxError } from "../transform/error.js";
import { makeFailedFacade, makeFailedStub } from "./failed-module.js";
import { type ExportsMetadata, makeBindingsModule, makeDefaultReexport, makeFacade } from "./facade.js";
import { type HotFormat, hotFormatOf, isJsxURL, isTypeScriptURL } from "./hot-format.js";
import { attributesOf, withAttributes } from "./import-attributes.js";
import { readInputSourceMap } from "./input-source-map.js";
import { isRewritten } from "./is-rewritten.js";
import { exitForLoaderOrder } from "./loader-order.js";
import { noticeColdEntry } from "./notice.js";
import { type DynohotOptions, resolveOptions, runtimeQuery } from "./options.js";
import { jsonMetadata, makeJsonBody, makeStub, type StubMetadata, stubGlueIdentity, type VersionSource } from "./stub.js";
import { openTransformCache } from "./transform-cache.js";
import { compilerOptionsOf } from "./tsconfig.js";
import { resolveImport } from "./typescript-resolution.js";
import type { AnyNextResolve, ImportAttributes, LoadContext, LoadResult, ModuleSource, ResolveContext, ResolveResult } from "./types.js";
import { DYNOHOT_SCHEME, adapterURL, bindingsURL, defaultURL, parseDynohotURL, plainURL, splitStubURL, stubURL } from "./urls.js";

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

/** A version of a hot module: its stub, and the metadata facades and bindings modules need. */
interface LoadedVersion {
	readonly stub: string;
	readonly metadata: StubMetadata & ExportsMetadata;
	/** The source does not parse: the stub throws this error (see ./failed-module.ts). */
	readonly failure?: TransformSyntaxError;
}

/** A version whose source does not parse: it neither imports nor exports anything. */
function failedVersion(failure: TransformSyntaxError): LoadedVersion {
	return { stub: makeFailedStub(failure), metadata: { ...jsonMetadata, exports: [] }, failure };
}

export function createHooks(options: DynohotOptions | undefined): Hooks {
	const { ignore, ...runtimeOptions } = resolveOptions(options);
	const { silent } = runtimeOptions;
	const runtimeURL = new URL("../runtime/index.js", import.meta.url).href + runtimeQuery(runtimeOptions);
	const liveBindingsURL = new URL("./live-bindings.js", import.meta.url).href;
	// Keyed by plain URL. Resolve decides what is hot; load makes stubs, facades and bindings
	// modules for exactly those URLs, so the two can never disagree.
	const hotModules = new Map<string, HotModule>();
	// The export structure of every hot module loaded so far (facades and bindings modules need
	// it), and a first version that a facade or bindings module loaded before the stub was
	// (taken by the stub's load, so a module is transformed once).
	const exportsMetadata = new Map<string, ExportsMetadata>();
	const firstVersions = new Map<string, LoadedVersion>();
	// The hot modules whose first version does not parse, for their facades and bindings modules.
	const firstFailures = new Map<string, TransformSyntaxError>();
	// The module that is not hot that first imported each hot module by its plain URL (the entry
	// and `--import`ed files have none), named by the runtime when a change reaches it.
	const outsideImporters = new Map<string, string>();
	const transformCache = openTransformCache();

	function hotFormat(url: string, format: string | null | undefined, attributes: ImportAttributes): HotFormat | undefined {
		return hotFormatOf(url, format, attributes, ignore);
	}

	function remember(result: ResolveResult, attributes: ImportAttributes): void {
		hotModules.set(result.url, { format: result.format, attributes });
	}

	/** How the parent of an import made by a generated module is resolved: from the module it stands for. */
	function parentOfGenerated(parentURL: string): string {
		const parent = parseDynohotURL(parentURL);
		switch (parent.kind) {
			case "adapter":
			case "bindings":
			case "default":
				return parent.url;
			default:
				return parentURL;
		}
	}

	function* resolve(specifier: string, context: ResolveContext, nextResolve: AnyNextResolve): Generator<unknown, ResolveResult, unknown> {
		if (specifier === runtimeURL) {
			// Every stub imports the runtime: asking the chain would cost a file-system lookup per
			// module for an answer known here (an absolute URL next to this file, real already).
			return { url: runtimeURL, format: "module", shortCircuit: true };
		}
		const { parentURL } = context;
		const attributes = attributesOf(context);
		if (specifier.startsWith(DYNOHOT_SCHEME)) {
			if (!specifier.includes("?")) {
				exitForLoaderOrder();
			}
			const target = parseDynohotURL(specifier);
			switch (target.kind) {
				case "request": {
					const parent = target.parent ?? (parentURL === undefined ? undefined : plainURL(parentURL));
					const result = yield* resolveImport(target.specifier, withAttributes({ ...context, parentURL: parent }, target.attributes), nextResolve);
					if (hotFormat(result.url, result.format, target.attributes) === undefined) {
						return { url: adapterURL(result.url, target.attributes), format: "module", shortCircuit: true };
					}
					remember(result, target.attributes);
					return { url: stubURL(result.url, 0), format: "module", shortCircuit: true };
				}
				case "bindings-request": {
					const result = yield* resolveImport(target.specifier, withAttributes({ ...context, parentURL: target.parent }, target.attributes), nextResolve);
					if (hotFormat(result.url, result.format, target.attributes) !== undefined) {
						remember(result, target.attributes);
						return { url: bindingsURL(result.url), format: "module", shortCircuit: true };
					}
					if (Object.keys(target.attributes).length > 0) {
						return { url: defaultURL(result.url, target.attributes), format: "module", shortCircuit: true };
					}
					return { ...result, shortCircuit: true };
				}
				case "resolve": {
					const result = yield* resolveImport(target.specifier, withAttributes({ ...context, parentURL: target.parent }, {}), nextResolve);
					return { ...result, shortCircuit: true };
				}
				case "adapter":
				case "bindings":
				case "default":
					return { url: specifier, format: "module", shortCircuit: true };
			}
		}
		if (parentURL?.startsWith(DYNOHOT_SCHEME) === true) {
			// The imports of a generated module: the module it stands for (resolved already, never
			// redirected again), the runtime and the live bindings.
			return yield* settle(nextResolve(specifier, { ...context, parentURL: parentOfGenerated(parentURL) }));
		}
		const requestedStub = splitStubURL(specifier);
		if (requestedStub !== undefined && hotModules.has(requestedStub.url)) {
			// A facade's stub, or the runtime loading a version that an earlier loader rewrote: a
			// version of a module resolved already, so its URL is final. Asking the chain again could
			// change it: under `--preserve-symlinks-main` alone the entry keeps its symlink's URL, but
			// Node resolves any other URL to the real path, which is no hot module.
			return { url: specifier, format: "module", shortCircuit: true };
		}
		const result = yield* resolveImport(specifier, context, nextResolve);
		if (splitStubURL(result.url) !== undefined) {
			// A stub URL these hooks did not resolve the module of (another dynohot in the chain
			// handed it out): never a plain hot module, whose load would be a facade.
			return result;
		}
		const hot = hotFormat(result.url, result.format, attributes) !== undefined;
		if (hot) {
			// Importers outside the hot graph, `import.meta.resolve` and the entry all get the
			// plain URL: its load answers the facade (or, for `require()` and JSON, the module
			// itself, as Node loads it).
			remember(result, attributes);
			// `--import` resolves from the working directory (a folder URL).
			if (parentURL !== undefined && !parentURL.endsWith("/") && !outsideImporters.has(result.url)) {
				outsideImporters.set(result.url, parentURL);
			}
		} else if (parentURL === undefined) {
			noticeColdEntry(silent, result.url);
		}
		return result;
	}

	function* loadSource(url: string, hot: HotModule, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadResult, unknown> {
		const loadContext = withAttributes({ ...context, format: hot.format }, hot.attributes);
		try {
			return yield* settle(nextLoad(url, loadContext));
		} catch (error) {
			// Node 20 (and 22 without type stripping) refuses `.ts`; the transform strips types itself.
			if (errorCode(error) === "ERR_UNKNOWN_FILE_EXTENSION" && isTypeScriptURL(url)) {
				return { format: "module-typescript", source: readFileSync(fileURLToPath(url)) };
			}
			// Node knows no `.jsx` either; the transform compiles the JSX.
			if (errorCode(error) === "ERR_UNKNOWN_FILE_EXTENSION" && isJsxURL(url)) {
				return { format: "module", source: readFileSync(fileURLToPath(url)) };
			}
			throw error;
		}
	}

	/** Loads the hot module `url` (plain) at `loadURL`, and makes the stub of its version `version`. */
	function* loadVersion(url: string, loadURL: string, version: number, hot: HotModule, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadedVersion, unknown> {
		const loaded = yield* loadSource(loadURL, hot, context, nextLoad);
		const source = text(loaded.source);
		if (loaded.format === "json") {
			try {
				JSON.parse(source);
			} catch (error) {
				return failedVersion(jsonSyntaxError(url, source, error));
			}
			const stub = makeStub({ url, version, code: makeJsonBody(source), map: undefined, metadata: jsonMetadata, source: { format: "json", reload: "file" } });
			return { stub, metadata: jsonMetadata };
		}
		let versionSource: VersionSource;
		if (loaded.format === "module-typescript") {
			versionSource = { format: "typescript", reload: "file" };
		} else if (loaded.format === "module") {
			// A `.ts` file that arrives as JavaScript was compiled by an earlier loader; so was any
			// file whose source is not what is on disk. Their next versions come through the hooks.
			const rewritten = isTypeScriptURL(url) || isRewritten(url, loaded.source);
			versionSource = { format: "javascript", reload: rewritten ? "hooks" : "file" };
		} else {
			throw new TypeError(`dynohot: ${url} was resolved as an ES module, but loads as '${String(loaded.format)}'`);
		}
		if (versionSource.format === "typescript" || (versionSource.reload === "file" && isJsxURL(url))) {
			// The file's own text: compiled as its tsconfig.json says (kept in the stub only when
			// there is something to say).
			const compilerOptions = compilerOptionsOf(fileURLToPath(url));
			versionSource = {
				...versionSource,
				...isJsxURL(url) ? { jsx: true } : {},
				...Object.keys(compilerOptions).length > 0 ? { compilerOptions } : {},
			};
		}
		const options = {
			url,
			typescript: versionSource.format === "typescript",
			jsx: versionSource.jsx === true,
			compilerOptions: versionSource.compilerOptions ?? {},
			sourceMap: true,
			...inputSourceMap(source, url),
		};
		// Everything in the stub besides the transform's output.
		const glue = JSON.stringify([ stubGlueIdentity(), version, versionSource ]);
		try {
			return transformCache.stub(source, options, glue, ({ code, map, metadata }) =>
				makeStub({ url, version, code, map, metadata, source: versionSource }));
		} catch (error) {
			if (isTransformSyntaxError(error)) {
				return failedVersion(error);
			}
			throw error;
		}
	}

	/** The first version of `url`, loaded for a facade or bindings module before its stub. */
	function* firstVersion(url: string, hot: HotModule, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, ExportsMetadata, unknown> {
		const known = exportsMetadata.get(url);
		if (known !== undefined) {
			return known;
		}
		const version = yield* loadVersion(url, url, 0, hot, context, nextLoad);
		firstVersions.set(url, version);
		noteFirstVersion(url, version);
		return version.metadata;
	}

	function noteFirstVersion(url: string, version: LoadedVersion): void {
		exportsMetadata.set(url, version.metadata);
		if (version.failure !== undefined) {
			firstFailures.set(url, version.failure);
		}
	}

	function* load(url: string, context: LoadContext, nextLoad: AnyNextLoad): Generator<unknown, LoadResult, unknown> {
		if (url.startsWith(DYNOHOT_SCHEME)) {
			const target = parseDynohotURL(url);
			switch (target.kind) {
				case "adapter":
					return { format: "module", source: makeAdapter(target.url, target.attributes), shortCircuit: true };
				case "bindings": {
					const hot = hotModules.get(target.url);
					if (hot === undefined) {
						throw new TypeError(`dynohot: '${target.url}' is not a hot module`);
					}
					const metadata = yield* firstVersion(target.url, hot, context, nextLoad);
					const failure = firstFailures.get(target.url);
					if (failure !== undefined) {
						// Reached through re-exports, which Node links before anything evaluates.
						throw failure;
					}
					return { format: "module", source: makeBindingsModule(target.url, metadata, liveBindingsURL), shortCircuit: true };
				}
				case "default":
					return { format: "module", source: makeDefaultReexport(target.url, target.attributes), shortCircuit: true };
				default:
					throw new TypeError(`dynohot: '${url}' is resolved, never loaded`);
			}
		}
		const stub = splitStubURL(url);
		if (stub === undefined) {
			const hot = hotModules.get(url);
			// `require()` cannot wait for a hot graph to evaluate, and a JSON module keeps its
			// native form (Node checks its `type` attribute): both load the file as Node does.
			if (hot === undefined || context.conditions?.includes("require") === true || hot.format === "json") {
				return yield* settle(nextLoad(url, context));
			}
			const metadata = yield* firstVersion(url, hot, context, nextLoad);
			const failure = firstFailures.get(url);
			if (failure !== undefined) {
				return { format: "module", source: makeFailedFacade(failure), shortCircuit: true };
			}
			return { format: "module", source: makeFacade(url, stubURL(url, 0), metadata, runtimeURL, outsideImporters.get(url)), shortCircuit: true };
		}
		const hot = hotModules.get(stub.url);
		if (hot === undefined) {
			return yield* settle(nextLoad(url, context));
		}
		let version = stub.version === 0 ? firstVersions.get(stub.url) : undefined;
		if (version === undefined) {
			// The first version loads at the plain URL, as an earlier loader expects to see it.
			version = yield* loadVersion(stub.url, stub.version === 0 ? stub.url : url, stub.version, hot, context, nextLoad);
		} else {
			firstVersions.delete(stub.url);
		}
		if (stub.version === 0) {
			noteFirstVersion(stub.url, version);
		}
		return { format: "module", source: version.stub, shortCircuit: true };
	}

	return { resolve, load };
}

function inputSourceMap(source: string, url: string): { inputSourceMap?: string } {
	const map = readInputSourceMap(source, url);
	return map === undefined ? {} : { inputSourceMap: map };
}
