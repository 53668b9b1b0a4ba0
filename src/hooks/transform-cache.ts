// The persistent transform cache: the first version of every hot module, as the transform made it,
// kept on disk between runs so that a start with unchanged files transforms nothing.
//
// Where: `DYNOHOT_CACHE_DIR`, or `node_modules/.cache/dynohot` in the nearest folder above the
// working directory that has a `package.json` (no such folder: no cache). `DYNOHOT_CACHE=0` turns
// it off. One file per entry, named by the key: a SHA-256 of the transform's version (the build's
// identity, src/transform/build-identity.ts), the options and the source text. An entry is written
// to a temporary file and renamed into place, so processes sharing the folder only ever see whole
// entries; an entry that does not read back as one (truncated, edited, from another format) is a
// miss and is replaced. The cache never fails a load: a folder that cannot be written turns the
// writes off for the rest of the process.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { threadId } from "node:worker_threads";
import { transformSync, transformVersion, type ModuleMetadata, type TransformOptions, type TransformResult } from "../transform/index.js";

/** What an entry file holds (JSON). */
interface CacheEntry {
	readonly key: string;
	readonly code: string;
	readonly map?: string;
	readonly metadata: ModuleMetadata;
}

export interface TransformCache {
	/** `transformSync(source, options)`, answered from the cache when an entry for exactly this input exists. */
	transform(source: string, options: TransformOptions): TransformResult;
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

function keyOf(source: string, options: TransformOptions): string {
	// The JSON header has no raw newline, so it ends unambiguously where the source begins.
	const header = JSON.stringify([ transformVersion(), options.url, options.typescript === true, options.sourceMap === true, options.inputSourceMap ?? null ]);
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

/** The entry's result, when the text is a whole entry for `key`. */
function parseEntry(text: string, key: string): TransformResult | undefined {
	let entry: unknown;
	try {
		entry = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof entry !== "object" || entry === null) {
		return undefined;
	}
	const { key: entryKey, code, map, metadata } = entry as Partial<Record<keyof CacheEntry, unknown>>;
	if (entryKey !== key || typeof code !== "string" || (map !== undefined && typeof map !== "string") || !isMetadata(metadata)) {
		return undefined;
	}
	return { code, map, metadata };
}

class DirectoryCache implements TransformCache {
	readonly #directory: string;
	#writable = true;
	#created = false;
	#written = 0;

	constructor(directory: string) {
		this.#directory = directory;
	}

	transform(source: string, options: TransformOptions): TransformResult {
		const key = keyOf(source, options);
		const file = join(this.#directory, `${key}.json`);
		const cached = this.#read(file, key);
		if (cached !== undefined) {
			return cached;
		}
		const result = transformSync(source, options);
		this.#write(file, { key, code: result.code, ...result.map === undefined ? {} : { map: result.map }, metadata: result.metadata });
		return result;
	}

	#read(file: string, key: string): TransformResult | undefined {
		let text: string;
		try {
			text = readFileSync(file, "utf8");
		} catch {
			// Missing (the usual miss) or unreadable: either way the transform answers.
			return undefined;
		}
		return parseEntry(text, key);
	}

	#write(file: string, entry: CacheEntry): void {
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
			writeFileSync(temporary, JSON.stringify(entry));
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

const uncached: TransformCache = { transform: transformSync };

/** The cache the environment asks for (a plain `transformSync` when it is off). */
export function openTransformCache(): TransformCache {
	const directory = cacheDirectory();
	return directory === undefined ? uncached : new DirectoryCache(directory);
}
