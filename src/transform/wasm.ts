// The wasm backend: crates/dynohot_wasm built for wasm32-wasip1 (`scripts/build-wasm.sh`), the same
// transform as the native binding, for platforms without a binary. In a checkout the module is
// `npm/wasm32-wasi/dynohot.wasm32-wasi.wasm`; in an installed package it comes from the optional
// dependency `@dynohot/binding-wasm32-wasi`.
//
// The module is a single-threaded WASI reactor with a C ABI over its linear memory (documented in
// crates/dynohot_wasm/src/lib.rs): the caller copies the source and the options (JSON) into buffers
// from `dynohot_alloc`, `dynohot_transform` answers a length-prefixed JSON buffer. It is compiled
// synchronously (the loader calls `transformSync` from synchronous hooks) and once per process; an
// instance is made on first use and replaced after a trap, whose call becomes an error; a large
// one is dropped when idle (`memoryKeptBytes`).

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as NodeWasi from "node:wasi";
import type { ModuleMetadata, TransformBackend, TransformOptions, TransformResult } from "./backend.js";
import { buildIdentity } from "./build-identity.js";
import { transformSyntaxError, type TransformErrorData } from "./error.js";

const wasmFileName = "dynohot.wasm32-wasi.wasm";
const wasmPackageName = "@dynohot/binding-wasm32-wasi";
/** Bytes before the JSON in an answer: its length, a little-endian u32. */
const answerHeaderSize = 4;
/**
 * Linear memory only grows: after a large module (a 10 MB source takes about 430 MB) the instance
 * would hold its peak for the life of the process. An instance whose memory passed this size is
 * dropped once no call has come for `idleReleaseMs`, so the garbage collector frees the memory.
 * Not at once: a new instance is slow to grow its memory again (a 3 MB module: 1.2 s instead of
 * 0.3 s), and a developer saving a large file saves it again soon. Small modules stay well below
 * the size (the 16 MB stack and a few MB more).
 */
const memoryKeptBytes = 64 * 1024 * 1024;
const idleReleaseMs = 10_000;

/**
 * The part of the WebAssembly JavaScript API used here: Node has it as a global, but neither
 * TypeScript's ES libraries nor @types/node 20 declare it.
 */
interface WebAssemblyApi {
	Module: new (bytes: Uint8Array) => WasmModule;
	Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}
/** A compiled module: opaque here. */
type WasmModule = object;
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

interface WasmExports {
	memory: { readonly buffer: ArrayBuffer };
	dynohot_alloc(length: number): number;
	dynohot_dealloc(pointer: number, length: number): void;
	dynohot_transform(sourcePointer: number, sourceLength: number, optionsPointer: number, optionsLength: number): number;
	dynohot_panic_answer(): number;
}

/** `transform_to_json`'s answer. */
type WasmAnswer =
	| { ok: { code: string; map: string | null; metadata: ModuleMetadata } }
	| { error: TransformErrorData };

const require = createRequire(import.meta.url);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function findWasmFile(): string {
	const localBuild = fileURLToPath(new URL(`../../npm/wasm32-wasi/${wasmFileName}`, import.meta.url));
	if (existsSync(localBuild)) {
		return localBuild;
	}
	try {
		// The package's `main` is the module.
		return require.resolve(wasmPackageName);
	} catch (error) {
		throw new Error(
			`dynohot: no wasm transform: neither ${localBuild} (run \`bash scripts/build-wasm.sh\`) nor the package ${wasmPackageName} could be found`,
			{ cause: error },
		);
	}
}

/**
 * `node:wasi`, loaded on first use. Loading it emits an ExperimentalWarning on every Node version
 * we support, which dynohot must not print: `process.emitWarning` drops exactly that warning while
 * the module loads, and forwards everything else.
 */
function loadNodeWasi(): typeof NodeWasi {
	// eslint-disable-next-line @typescript-eslint/unbound-method -- restored below, and called with `process` as `this`
	const emitWarning = process.emitWarning;
	process.emitWarning = function (warning: string | Error, ...rest: unknown[]) {
		const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
		const text = typeof warning === "string" ? warning : warning.message;
		if (type === "ExperimentalWarning" && text.startsWith("WASI is an experimental feature")) {
			return;
		}
		Reflect.apply(emitWarning, process, [warning, ...rest]);
	};
	try {
		return require("node:wasi") as typeof NodeWasi;
	} finally {
		process.emitWarning = emitWarning;
	}
}

/** Runs the module; owns the current instance, replaces it after a trap, drops it large and idle. */
class WasmTransformer {
	readonly #module: WasmModule;
	readonly #wasi: typeof NodeWasi;
	#exports: WasmExports | undefined;
	#releaseTimer: NodeJS.Timeout | undefined;

	constructor(module: WasmModule, wasi: typeof NodeWasi) {
		this.#module = module;
		this.#wasi = wasi;
	}

	/** The current instance, made on first use and whenever the last one was dropped. */
	#instance(): WasmExports {
		if (this.#exports === undefined) {
			// No arguments, no environment, no preopened directories: the transform needs none.
			const wasi = new this.#wasi.WASI({ version: "preview1", args: [], env: {} });
			const instance = new WebAssembly.Instance(this.#module, wasi.getImportObject());
			wasi.initialize(instance);
			this.#exports = instance.exports as WasmExports;
		}
		return this.#exports;
	}

	/** Drops a large instance after a quiet spell; a later call restarts the wait. */
	#releaseWhenIdle(exports: WasmExports): void {
		clearTimeout(this.#releaseTimer);
		if (exports.memory.buffer.byteLength > memoryKeptBytes) {
			this.#releaseTimer = setTimeout(() => {
				this.#exports = undefined;
			}, idleReleaseMs).unref();
		}
	}

	transform(source: string | Uint8Array, options: TransformOptions): TransformResult {
		const sourceBytes = typeof source === "string" ? encoder.encode(source) : source;
		const optionsBytes = encoder.encode(
			JSON.stringify({
				url: options.url,
				typescript: options.typescript,
				jsx: options.jsx,
				compilerOptions: options.compilerOptions,
				sourceMap: options.sourceMap,
				inputSourceMap: options.inputSourceMap,
			}),
		);
		const exports = this.#instance();
		let answer: string;
		try {
			const sourcePointer = write(exports, sourceBytes);
			const optionsPointer = write(exports, optionsBytes);
			const answerPointer = exports.dynohot_transform(sourcePointer, sourceBytes.length, optionsPointer, optionsBytes.length);
			if (answerPointer === 0) {
				throw new Error("the answer is larger than 4 GiB");
			}
			const length = answerLength(exports, answerPointer);
			answer = readAnswer(exports, answerPointer, length);
			exports.dynohot_dealloc(answerPointer, answerHeaderSize + length);
			this.#releaseWhenIdle(exports);
		} catch (error) {
			// A trap (a panic, a stack overflow, memory exhausted) leaves the instance in the middle
			// of a call: it is never used again.
			this.#exports = undefined;
			const panicAnswer = readPanicAnswer(exports);
			if (panicAnswer === undefined) {
				throw new Error(`dynohot: the wasm transform failed on ${options.url}: ${String(error)}`, { cause: error });
			}
			answer = panicAnswer;
		}
		return result(JSON.parse(answer) as WasmAnswer);
	}
}

/** Copies `bytes` into a new buffer of the instance; answers its address. */
function write(exports: WasmExports, bytes: Uint8Array): number {
	const pointer = exports.dynohot_alloc(bytes.length);
	// After `dynohot_alloc`: growing the memory replaces its buffer.
	new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes);
	return pointer;
}

function answerLength(exports: WasmExports, pointer: number): number {
	return new DataView(exports.memory.buffer).getUint32(pointer, true);
}

function readAnswer(exports: WasmExports, pointer: number, length: number): string {
	return decoder.decode(new Uint8Array(exports.memory.buffer, pointer + answerHeaderSize, length));
}

/** The error answer a panic left before it trapped, if any (the instance is discarded anyway). */
function readPanicAnswer(exports: WasmExports): string | undefined {
	try {
		const pointer = exports.dynohot_panic_answer();
		return pointer === 0 ? undefined : readAnswer(exports, pointer, answerLength(exports, pointer));
	} catch {
		// The instance is too broken to say more; the trap itself is reported.
		return undefined;
	}
}

function result(answer: WasmAnswer): TransformResult {
	if ("error" in answer) {
		throw transformSyntaxError(answer.error);
	}
	const { code, map, metadata } = answer.ok;
	return { code, map: map ?? undefined, metadata };
}

let transformer: WasmTransformer | undefined;

/** The identity of the wasm module's build, without compiling it; throws when there is none. */
export function wasmBuildIdentity(): string {
	return buildIdentity(findWasmFile());
}

/** Compiles the module (once per process); throws when it cannot be found or compiled. */
export function loadWasmBackend(): TransformBackend {
	const file = findWasmFile();
	transformer ??= new WasmTransformer(new WebAssembly.Module(readFileSync(file)), loadNodeWasi());
	const loaded = transformer;
	return {
		name: "wasm",
		version: buildIdentity(file),
		transformSync: (source, options) => loaded.transform(source, options),
		// The module is single-threaded and has no thread pool to run on: the promise settles with
		// a transform done on this thread.
		transform: (source, options) => new Promise(resolve => resolve(loaded.transform(source, options))),
	};
}
