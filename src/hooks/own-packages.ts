// dynohot's own files and the packages it depends on (chokidar, and what chokidar depends on),
// wherever they are installed: in a checkout's `node_modules`, nested in the installed package's,
// or hoisted beside it into the project's. They are never hot, whatever `ignore` says: the runtime
// imports them, and a hot module's facade imports the runtime, which would then import itself
// before it has run. The project's own modules, in its `node_modules` or not, are left to `ignore`.

import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The folders to look for package `name` in from `directory`, as Node looks (nearest first). */
function* nodeModulesFolders(directory: string): Generator<string> {
	for (let folder = directory; ; folder = dirname(folder)) {
		if (basename(folder) !== "node_modules") {
			yield join(folder, "node_modules");
		}
		if (dirname(folder) === folder) {
			return;
		}
	}
}

/** The real folder of package `name` as a module in `directory` finds it; undefined when not installed. */
function findPackage(name: string, directory: string): string | undefined {
	for (const folder of nodeModulesFolders(directory)) {
		const candidate = join(folder, name);
		if (existsSync(join(candidate, "package.json"))) {
			return realpathSync(candidate);
		}
	}
	return undefined;
}

/** The names a package's code may import: its dependencies, optional ones included. */
function dependencyNames(directory: string): string[] {
	const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
		dependencies?: Record<string, string>;
		optionalDependencies?: Record<string, string>;
	};
	return [ ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}) ];
}

/**
 * The `file:` URL prefixes (each ending in `/`) of dynohot's files: its built code, every package
 * its dependencies bring in, and the `node_modules` of its own folder (a linked checkout's tools).
 */
function ownPrefixes(): string[] {
	// This file is `dist/hooks/own-packages.js`.
	const packageFolder = fileURLToPath(new URL("../../", import.meta.url));
	const prefixes = [ new URL("../", import.meta.url).href, pathToFileURL(join(packageFolder, "node_modules")).href + "/" ];
	const found = new Set<string>();
	const work = [ packageFolder ];
	while (work.length > 0) {
		const directory = work.pop()!;
		for (const name of dependencyNames(directory)) {
			const dependency = findPackage(name, directory);
			if (dependency !== undefined && !found.has(dependency)) {
				found.add(dependency);
				prefixes.push(pathToFileURL(dependency).href + "/");
				work.push(dependency);
			}
		}
	}
	return prefixes;
}

let prefixes: string[] | undefined;

/** Whether the plain `file:` URL `url` is one of dynohot's own files or of its dependencies. */
export function isOwnFile(url: string): boolean {
	prefixes ??= ownPrefixes();
	return prefixes.some(prefix => url.startsWith(prefix));
}
