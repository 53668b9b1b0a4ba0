// The persistent transform cache: the first stub of every hot module (./stub.ts: the transform's
// output with the glue that hands it to the runtime), kept on disk between runs so that a start
// with unchanged files neither transforms nor assembles anything.
//
// Where: `DYNOHOT_CACHE_DIR`, or `node_modules/.cache/dynohot` in the nearest folder above the
// working directory that has a `package.json` (no such folder: no cache). `DYNOHOT_CACHE=0` turns
// it off. One file per entry, named by the key: a SHA-256 of the entry format, the transform's
// version (the build's identity, src/transform/build-identity.ts), the transform options, what
// else the stub is made of (its glue's identity, version, runtime URL, how it reloads) and the
// source text. An entry is one line of JSON (the key, the metadata, the stub's length) and the
// stub's text as is: a hit parses a few hundred bytes of JSON and slices the stub out, with no
// escaping to undo and no source map to encode again. An entry is written to a temporary file
// and renamed into place, so processes sharing the folder only ever see whole entries; an entry
// that does not read back as one (truncated, edited, from another format) is a miss and is
// replaced. The cache never fails a load: a folder that cannot be written turns the writes off for
// the rest of the process.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { threadId } from "node:worker_threads";
import { transformSync, transformVersion, type ModuleMetadata, type TransformOptions, type TransformResult } from "../transform/index.js";

// Part of every key: a change to the layout of an entry changes it, so that entries of another
// layout are never read (they are other files).
const entryFormat = "stub entry 1";

/** The first line of an entry (JSON); the stub's text follows it. */
interface EntryHeader {
	readonly key: string;
	readonly metadata: ModuleMetadata;
	/** The stub's length in UTF-16 code units: a truncated entry is not mistaken for a whole one. */
	readonly length: number;
}

/** A hot module's stub, and the transform's metadata for it. */
export interface CachedStub {
	readonly stub: string;
	readonly metadata: ModuleMetadata;
}

export interface TransformCache {
	/**
	 * The stub `assemble` makes of `transformSync(source, options)`, answered from the cache when an
	 * entry for exactly these inputs exists. `glue` identifies everything else `assemble` puts in the
	 * stub (equal `glue`, equal stub for equal transform output).
	 */
	stub(source: string, options: TransformOptions, glue: string, assemble: (result: TransformResult) => string): CachedStub;
}

/** The cache folder the environment asks for; `undefined` when the cache is off. */
function cacheDirectory(): string | undefined {
	const { DYNOHOT_CACHE, DYNOHOT_CACHE_DIR } = process.env;
	if (DYNOHOT_CACHE === "0" || DYNOHOT_CACHE === "false") {
		return undefined;
	}
	if (DYNOHOT_CACHE_DIR !== undefined && DYNOHOT_CACHE_DIR !== "") {
		return resolve(DYNOHOT_CACHE_DIR);
	}
	for (let directory = process.cwd(); ; directory = dirname(directory)) {
		if (existsSync(join(directory, "package.json"))) {
			return join(directory, "node_modules", ".cache", "dynohot");
		}
		if (dirname(directory) === directory) {
			return undefined;
		}
	}
}

function keyOf(source: string, options: TransformOptions, glue: string): string {
	// The JSON header has no raw newline, so it ends unambiguously where the source begins.
	const header = JSON.stringify([ entryFormat, transformVersion(), options.url, options.typescript === true, options.jsx === true, options.compilerOptions ?? {}, options.sourceMap === true, options.inputSourceMap ?? null, glue ]);
	return createHash("sha256").update(header).update("\n").update(source).digest("hex");
}
function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every(item => typeof item === "string");
}

function isMetadata(value: unknown): value is ModuleMetadata {
	if (typeof value !== "object" || value === null) {
		return false;
	}
	const metadata = value as Record<string, unknown>;
	return typeof metadata["prefix"] === "string" &&
		typeof metadata["execute"] === "string" &&
		typeof metadata["async"] === "boolean" &&
		typeof metadata["usesImportMeta"] === "boolean" &&
		typeof metadata["usesDynamicImport"] === "boolean" &&
		isStringArray(metadata["exports"]) &&
		Array.isArray(metadata["requests"]) &&
		metadata["requests"].every((request: unknown) => {
			const fields = request as Record<string, unknown> | null;
			return typeof fields === "object" && fields !== null &&
				typeof fields["specifier"] === "string" &&
				typeof fields["attributes"] === "object" && fields["attributes"] !== null &&
				Array.isArray(fields["bindings"]);
		});
}

/** The entry's stub, when the text is a whole entry for `key`. */
function parseEntry(text: string, key: string): CachedStub | undefined {
	// JSON text has no raw newline: the first one ends the header.
	const newline = text.indexOf("\n");
	if (newline === -1) {
		return undefined;
	}
	let header: unknown;
	try {
		header = JSON.parse(text.slice(0, newline));
	} catch {
		return undefined;
	}
	if (typeof header !== "object" || header === null) {
		return undefined;
	}
	const { key: entryKey, metadata, length } = header as Partial<Record<keyof EntryHeader, unknown>>;
	if (entryKey !== key || length !== text.length - newline - 1 || !isMetadata(metadata)) {
		return undefined;
	}
	return { stub: text.slice(newline + 1), metadata };
}

class DirectoryCache implements TransformCache {
	readonly #directory: string;
	#writable = true;
	#created = false;
	#written = 0;

	constructor(directory: string) {
		this.#directory = directory;
	}

	stub(source: string, options: TransformOptions, glue: string, assemble: (result: TransformResult) => string): CachedStub {
		const key = keyOf(source, options, glue);
		const file = join(this.#directory, `${key}.stub`);
		const cached = this.#read(file, key);
		if (cached !== undefined) {
			return cached;
		}
		const result = transformSync(source, options);
		const stub = assemble(result);
		const header: EntryHeader = { key, metadata: result.metadata, length: stub.length };
		this.#write(file, `${JSON.stringify(header)}\n${stub}`);
		return { stub, metadata: result.metadata };
	}

	#read(file: string, key: string): CachedStub | undefined {
		let text: string;
		try {
			text = readFileSync(file, "utf8");
		} catch {
			// Missing (the usual miss) or unreadable: either way the transform answers.
			return undefined;
		}
		return parseEntry(text, key);
	}

	#write(file: string, entry: string): void {
		if (!this.#writable) {
			return;
		}
		// Unique among the processes and threads writing the folder at the same time.
		const temporary = `${file}.${process.pid}-${threadId}-${this.#written++}.tmp`;
		try {
			if (!this.#created) {
				mkdirSync(this.#directory, { recursive: true });
				this.#created = true;
			}
			writeFileSync(temporary, entry);
			renameSync(temporary, file);
		} catch {
			this.#writable = false;
			try {
				rmSync(temporary, { force: true });
			} catch {
				// The folder refuses even that; nothing was left in it then.
			}
		}
	}
}

const uncached: TransformCache = {
	stub(source, options, _glue, assemble) {
		const result = transformSync(source, options);
		return { stub: assemble(result), metadata: result.metadata };
	},
};

/** The cache the environment asks for (the transform itself, every time, when it is off). */
export function openTransformCache(): TransformCache {
	const directory = cacheDirectory();
	return directory === undefined ? uncached : new DirectoryCache(directory);
}
