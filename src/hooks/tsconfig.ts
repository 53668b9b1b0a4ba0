// The path mapping and the compiler options of the tsconfig.json that governs a TypeScript file,
// as tsc and tsx read it: the nearest tsconfig.json in the file's folder or above, with what it
// `extends` (relative paths and package names, one or a list) merged under its own
// `compilerOptions`. `baseUrl` is relative to the tsconfig that sets it; `paths` targets to
// `baseUrl`, or without one to the tsconfig that sets `paths`. Of the other options, those that
// change the code emitted (JSX, decorators, imports kept) go to the transform.
//
// Read once and kept, but every lookup compares the size and modification time of the files
// read, so an edit of any tsconfig in the chain applies to the next resolution.

import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { CompilerOptions } from "../transform/backend.js";
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
	compilerOptions?: Record<string, unknown> & { baseUrl?: unknown; paths?: unknown };
}

/** The compiler options the transform takes, by the type tsconfig.json gives each. */
const stringOptions = [ "jsx", "jsxFactory", "jsxFragmentFactory", "jsxImportSource" ] as const;
const booleanOptions = [ "experimentalDecorators", "emitDecoratorMetadata", "verbatimModuleSyntax" ] as const;

/** A tsconfig as read, and the files it was read from (its own and what it extends). */
interface ReadConfig {
	readonly mapping: PathMapping;
	readonly compilerOptions: CompilerOptions;
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
	compilerOptions: CompilerOptions;
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
	const merged: Merged = { compilerOptions: {} };
	const bases = typeof json.extends === "string" ? [ json.extends ] : Array.isArray(json.extends) ? json.extends : [];
	for (const base of bases) {
		if (typeof base === "string") {
			const { compilerOptions, ...rest } = readChain(extendedFile(base, file), stamps);
			Object.assign(merged, rest);
			Object.assign(merged.compilerOptions, compilerOptions);
		}
	}
	const options = json.compilerOptions ?? {};
	for (const name of stringOptions) {
		const value = options[name];
		if (typeof value === "string") {
			merged.compilerOptions[name] = value;
		}
	}
	for (const name of booleanOptions) {
		const value = options[name];
		if (typeof value === "boolean") {
			merged.compilerOptions[name] = value;
		}
	}
	const { baseUrl, paths } = options;
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
	const { compilerOptions, baseUrl, paths, pathsDirectory } = readChain(file, stamps);
	const config = { mapping: { baseUrl, paths, pathsBase: baseUrl ?? pathsDirectory ?? dirname(file) }, compilerOptions, stamps };
	configs.set(file, config);
	return config;
}

function configOf(file: string): ReadConfig | undefined {
	const directory = dirname(file);
	let config = nearestConfig(directory);
	if (config !== undefined && stampOf(config) === undefined) {
		// Removed: look again, from this folder up.
		nearest.clear();
		config = nearestConfig(directory);
	}
	return config === undefined ? undefined : readConfig(config);
}

/** The path mapping that applies to the TypeScript file `file`; `undefined` when no tsconfig.json governs it. */
export function pathMappingOf(file: string): PathMapping | undefined {
	return configOf(file)?.mapping;
}

/** The compiler options the transform takes for `file` (`{}` when no tsconfig.json governs it). */
export function compilerOptionsOf(file: string): CompilerOptions {
	return configOf(file)?.compilerOptions ?? {};
}
