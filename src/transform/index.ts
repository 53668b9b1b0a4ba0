// `dynohot/transform`: one ES module in, its hot form out (docs/transform-contract.md).
// The backend is the native binding, or the wasm build when the binding cannot be loaded;
// `DYNOHOT_TRANSFORM=native|wasm` forces one. The choice is made once, when this module is
// first imported (the wasm module needs an asynchronous import, and `transformSync` must then
// work without one); the wasm backend itself is instantiated on first use.

import type { TransformBackend, TransformOptions, TransformResult } from "./backend.js";
import { loadNativeBackend } from "./native.js";

export type { CompilerOptions, ModuleBinding, ModuleMetadata, ModuleRequest, TransformOptions, TransformResult } from "./backend.js";
export { isTransformSyntaxError, type TransformErrorData, type TransformSyntaxError } from "./error.js";

/** What `./wasm.js` (the wasm backend) exports. */
interface WasmModule {
	loadWasmBackend(): TransformBackend;
	wasmBuildIdentity(): string;
}

/** The chosen backend: made on first use, and its build's identity, known without making it. */
interface ChosenBackend {
	load(): TransformBackend;
	version(): string;
}

async function chooseBackend(): Promise<ChosenBackend> {
	const forced = process.env["DYNOHOT_TRANSFORM"];
	if (forced !== undefined && forced !== "" && forced !== "native" && forced !== "wasm") {
		throw new Error(`dynohot: DYNOHOT_TRANSFORM must be "native" or "wasm", not ${JSON.stringify(forced)}`);
	}
	let nativeFailure: unknown;
	if (forced !== "wasm") {
		try {
			const native = loadNativeBackend();
			return { load: () => native, version: () => native.version };
		} catch (error) {
			if (forced === "native") {
				throw error;
			}
			nativeFailure = error;
		}
	}
	// Not a literal specifier: the wasm backend is built separately and may be absent.
	const wasmUrl = new URL("./wasm.js", import.meta.url).href;
	let wasm: WasmModule;
	try {
		wasm = (await import(wasmUrl)) as WasmModule;
	} catch (error) {
		const reason = nativeFailure === undefined ? "" : ", and the native transform could not be loaded";
		throw new Error(`dynohot: the wasm transform backend (${wasmUrl}) is not available${reason}`, {
			// eslint-disable-next-line preserve-caught-error -- the cause is this error, or both failures
			cause: nativeFailure === undefined ? error : new AggregateError([nativeFailure, error]),
		});
	}
	return { load: () => wasm.loadWasmBackend(), version: () => wasm.wasmBuildIdentity() };
}

// A failure is kept and thrown by the first call: importing `dynohot/transform` never fails.
const chosen: { backend: ChosenBackend } | { failure: unknown } = await chooseBackend().then(
	backend => ({ backend }),
	(failure: unknown) => ({ failure }),
);
let backend: TransformBackend | undefined;

function chosenBackend(): ChosenBackend {
	if ("failure" in chosen) {
		throw chosen.failure;
	}
	return chosen.backend;
}

function currentBackend(): TransformBackend {
	return backend ??= chosenBackend().load();
}

/** Transforms one module on the calling thread. Throws a `TransformSyntaxError` for bad input. */
export function transformSync(source: string | Uint8Array, options: TransformOptions): TransformResult {
	return currentBackend().transformSync(source, options);
}

/** Transforms one module off the JavaScript thread. Rejects with a `TransformSyntaxError` for bad input. */
export function transform(source: string | Uint8Array, options: TransformOptions): Promise<TransformResult> {
	try {
		return currentBackend().transform(source, options);
	} catch (error) {
		// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with what was thrown, as an async function would
		return Promise.reject(error);
	}
}

/** Which backend serves the calls. */
export function backendName(): "native" | "wasm" {
	return currentBackend().name;
}

let version: string | undefined;

/**
 * Identifies the output of the backend's build: equal versions give equal output for equal input
 * (the persistent transform cache keys on it, once per module). Does not load a backend that is
 * not loaded yet; asked once, since the chosen build does not change while the process runs (the
 * wasm backend's identity is a `stat` of its file).
 */
export function transformVersion(): string {
	return version ??= backend?.version ?? chosenBackend().version();
}
