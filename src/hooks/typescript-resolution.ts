// Imports written for tsc and tsx, resolved for a TypeScript importer (.ts, .mts, .cts, .tsx) the
// way tsx resolves them, so `node --import dynohot/register main.ts` runs a project as written:
// - a bare specifier that tsconfig.json's `paths` or `baseUrl` maps to a file is that file
//   (./path-mapping.ts; never for importers in node_modules, as in tsx);
// - otherwise Node resolves it, and only when Node finds no module (ERR_MODULE_NOT_FOUND, or a
//   folder: ERR_UNSUPPORTED_DIR_IMPORT) is a relative, absolute or `file:` specifier looked for as
//   TypeScript: `.js` → `.ts`/`.tsx`, `.mjs` → `.mts`, `.cjs` → `.cts`, `.jsx` → `.tsx`/`.ts`, no
//   known extension → `.ts`, `.tsx`, `.js`, `.jsx`, `.json` appended, a folder → its `index.*`.
// Importers in JavaScript keep Node's rules exactly: their resolution is Node's answer.

import { statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { settle } from "./drive.js";
import { mappedPaths } from "./path-mapping.js";
import { pathMappingOf } from "./tsconfig.js";
import type { AnyNextResolve, ResolveContext, ResolveResult } from "./types.js";

const typeScriptImporter = /\.(?:[cm]?ts|tsx)$/;
const pathSpecifier = /^(?:\.{1,2}(?:\/|$)|\/|file:)/;
const urlSpecifier = /^[a-zA-Z][a-zA-Z\d+.-]*:/;
const inNodeModules = /[/\\]node_modules[/\\]/;

/** The TypeScript extensions an import written with a JavaScript one means. */
const substitutes: Readonly<Record<string, readonly string[]>> = {
	".js": [ ".ts", ".tsx" ],
	".jsx": [ ".tsx", ".ts" ],
	".mjs": [ ".mts" ],
	".cjs": [ ".cts" ],
};
/** Extensions that are tried after an import written without one. */
const appended = [ ".ts", ".tsx", ".js", ".jsx", ".json" ];
/** Extensions that name the file exactly: nothing else is tried. */
const exact = new Set([ ".ts", ".tsx", ".mts", ".cts", ".json", ".node" ]);

function isFile(path: string): boolean {
	return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

function isDirectory(path: string): boolean {
	return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The file an import of `path` means in TypeScript when `path` itself is no file. */
function typeScriptFile(path: string): string | undefined {
	const extension = extname(path);
	const replaced = substitutes[extension];
	const candidates = replaced !== undefined
		? replaced.map(substitute => path.slice(0, -extension.length) + substitute)
		: exact.has(extension) ? [] : appended.map(append => path + append);
	if (isDirectory(path)) {
		candidates.push(...appended.map(append => join(path, `index${append}`)));
	}
	return candidates.find(isFile);
}

function isMissingModule(error: unknown): boolean {
	const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
	return code === "ERR_MODULE_NOT_FOUND" || code === "ERR_UNSUPPORTED_DIR_IMPORT";
}

/** A relative, absolute or `file:` specifier split into the path it names and its query and fragment. */
function splitSuffix(specifier: string): { path: string; suffix: string } {
	const end = specifier.search(/[?#]/);
	return end === -1 ? { path: specifier, suffix: "" } : { path: specifier.slice(0, end), suffix: specifier.slice(end) };
}

/** The file that the tsconfig.json of `importer` maps the bare `specifier` to, if any. */
function mappedFile(specifier: string, importer: string): string | undefined {
	if (inNodeModules.test(importer)) {
		return undefined;
	}
	const mapping = pathMappingOf(importer);
	if (mapping === undefined) {
		return undefined;
	}
	for (const path of mappedPaths(specifier, mapping)) {
		const file = isFile(path) ? path : typeScriptFile(path);
		if (file !== undefined) {
			return file;
		}
	}
	return undefined;
}

/** Resolves `specifier` from `context.parentURL` with the rules above, through `nextResolve`. */
export function* resolveImport(specifier: string, context: ResolveContext, nextResolve: AnyNextResolve): Generator<unknown, ResolveResult, unknown> {
	const { parentURL } = context;
	if (parentURL?.startsWith("file:") !== true || !typeScriptImporter.test(new URL(parentURL).pathname)) {
		return yield* settle(nextResolve(specifier, context));
	}
	if (!pathSpecifier.test(specifier) && !urlSpecifier.test(specifier)) {
		// A bare specifier (`#` starts a subpath import here, not a fragment).
		const mapped = mappedFile(specifier, fileURLToPath(parentURL));
		if (mapped !== undefined) {
			return yield* settle(nextResolve(pathToFileURL(mapped).href, context));
		}
	}
	try {
		return yield* settle(nextResolve(specifier, context));
	} catch (error) {
		if (!isMissingModule(error) || !pathSpecifier.test(specifier)) {
			throw error;
		}
		const { path, suffix } = splitSuffix(specifier);
		const file = typeScriptFile(fileURLToPath(new URL(path, parentURL)));
		if (file === undefined) {
			throw error;
		}
		return yield* settle(nextResolve(pathToFileURL(file).href + suffix, context));
	}
}
