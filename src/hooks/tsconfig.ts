// The path mapping of the tsconfig.json that governs a TypeScript file, as tsc and tsx read it:
// the nearest tsconfig.json in the file's folder or above, with what it `extends` (relative paths
// and package names, one or a list) merged under its own `compilerOptions`. `baseUrl` is relative
// to the tsconfig that sets it; `paths` targets to `baseUrl`, or without one to the tsconfig that
// sets `paths`.
//
// Read once and kept, but every lookup compares the size and modification time of the files
// read, so an edit of any tsconfig in the chain applies to the next resolution.

import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseJSONC } from "./jsonc.js";

export interface PathMapping {
	/** `compilerOptions.baseUrl`, absolute. */
	readonly baseUrl: string | undefined;
	/** `compilerOptions.paths`, and the folder its targets are relative to. */
	readonly paths: Readonly<Record<string, readonly string[]>> | undefined;
	readonly pathsBase: string;
}

interface TsconfigJSON {
	extends?: unknown;
	compilerOptions?: { baseUrl?: unknown; paths?: unknown };
}

/** A tsconfig as read, and the files it was read from (its own and what it extends). */
interface ReadConfig {
	readonly mapping: PathMapping;
	readonly stamps: ReadonlyMap<string, string | undefined>;
}

/** The nearest tsconfig.json of each folder asked about; `null`: none up to the root. */
const nearest = new Map<string, string | null>();
const configs = new Map<string, ReadConfig>();

/** The size and modification time of `file`, `undefined` when it does not exist. */
function stampOf(file: string): string | undefined {
	const stats = statSync(file, { throwIfNoEntry: false });
	return stats === undefined ? undefined : `${stats.size}:${stats.mtimeMs}`;
}

function nearestConfig(directory: string): string | undefined {
	const known = nearest.get(directory);
	if (known !== undefined) {
		return known ?? undefined;
	}
	const candidate = join(directory, "tsconfig.json");
	const parent = dirname(directory);
	const found = stampOf(candidate) !== undefined ? candidate : parent === directory ? undefined : nearestConfig(parent);
	nearest.set(directory, found ?? null);
	return found;
}

/** The file an `extends` entry of the tsconfig `from` names. */
function extendedFile(name: string, from: string): string {
	if (name.startsWith(".") || isAbsolute(name)) {
		const file = resolve(dirname(from), name);
		return stampOf(file) === undefined && !file.endsWith(".json") ? `${file}.json` : file;
	}
	// A package: its subpath as written, with `.json` added, or the package's tsconfig.json.
	const require = createRequire(from);
	for (const candidate of [ name, `${name}.json`, `${name}/tsconfig.json` ]) {
		try {
			return require.resolve(candidate);
		} catch {
			// The next spelling.
		}
	}
	throw new Error(`dynohot: ${from} extends '${name}', which cannot be found`);
}

interface Merged {
	baseUrl?: string;
	paths?: Record<string, readonly string[]>;
	pathsDirectory?: string;
}

function readChain(file: string, stamps: Map<string, string | undefined>): Merged {
	if (stamps.has(file)) {
		throw new Error(`dynohot: ${file} extends itself`);
	}
	stamps.set(file, stampOf(file));
	let json: TsconfigJSON;
	try {
		json = parseJSONC(readFileSync(file, "utf8")) as TsconfigJSON;
	} catch (error) {
		throw new Error(`dynohot: ${file} cannot be read: ${(error as Error).message}`, { cause: error });
	}
	const merged: Merged = {};
	const bases = typeof json.extends === "string" ? [ json.extends ] : Array.isArray(json.extends) ? json.extends : [];
	for (const base of bases) {
		if (typeof base === "string") {
			Object.assign(merged, readChain(extendedFile(base, file), stamps));
		}
	}
	const { baseUrl, paths } = json.compilerOptions ?? {};
	if (typeof baseUrl === "string") {
		merged.baseUrl = resolve(dirname(file), baseUrl);
	}
	if (typeof paths === "object" && paths !== null) {
		merged.paths = paths as Record<string, readonly string[]>;
		merged.pathsDirectory = dirname(file);
	}
	return merged;
}

function readConfig(file: string): ReadConfig {
	const known = configs.get(file);
	if (known !== undefined && [ ...known.stamps ].every(([ read, stamp ]) => stampOf(read) === stamp)) {
		return known;
	}
	const stamps = new Map<string, string | undefined>();
	const { baseUrl, paths, pathsDirectory } = readChain(file, stamps);
	const config = { mapping: { baseUrl, paths, pathsBase: baseUrl ?? pathsDirectory ?? dirname(file) }, stamps };
	configs.set(file, config);
	return config;
}

/** The path mapping that applies to the TypeScript file `file`; `undefined` when no tsconfig.json governs it. */
export function pathMappingOf(file: string): PathMapping | undefined {
	const directory = dirname(file);
	let config = nearestConfig(directory);
	if (config !== undefined && stampOf(config) === undefined) {
		// Removed: look again, from this folder up.
		nearest.clear();
		config = nearestConfig(directory);
	}
	return config === undefined ? undefined : readConfig(config).mapping;
}
