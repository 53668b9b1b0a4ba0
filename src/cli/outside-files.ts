// Files the app depends on that the hot graph does not cover: its package.json and tsconfig.json,
// the files given to node with --env-file, and the app's own CommonJS files. Nothing can apply a
// change of one of them hot; the supervisor watches them and restarts the app.

import { watch, type FSWatcher } from "chokidar";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const envFileOptions = [ "--env-file", "--env-file-if-exists" ];

/** The files given with `--env-file` / `--env-file-if-exists` in `nodeOptions`, resolved against the working directory. */
function envFiles(nodeOptions: readonly string[]): string[] {
	return nodeOptions.flatMap((option, index) => {
		const separate = envFileOptions.includes(option) ? nodeOptions[index + 1] : undefined;
		const joined = envFileOptions.map(name => `${name}=`).find(prefix => option.startsWith(prefix));
		const file = separate ?? (joined === undefined ? undefined : option.slice(joined.length));
		return file === undefined ? [] : [ resolve(file) ];
	});
}

/** The nearest `package.json` at or above `directory`. */
function nearestManifest(directory: string): string | undefined {
	for (let current = directory; ; current = dirname(current)) {
		const manifest = join(current, "package.json");
		if (existsSync(manifest)) {
			return manifest;
		}
		if (dirname(current) === current) {
			return undefined;
		}
	}
}

/** The configuration files of a run: what is there now of package.json, tsconfig.json and the env files. */
export function configurationFiles(entry: string, nodeOptions: readonly string[]): string[] {
	const candidates = [
		nearestManifest(dirname(resolve(entry))),
		nearestManifest(process.cwd()),
		resolve("tsconfig.json"),
		...envFiles(nodeOptions),
	];
	return [ ...new Set(candidates) ].filter((file): file is string => file !== undefined && existsSync(file));
}

export class OutsideFiles {
	private readonly watched = new Set<string>();
	private readonly watcher: FSWatcher;

	/** `onChange` receives the path of a watched file that changed or went away. */
	constructor(onChange: (file: string) => void) {
		this.watcher = watch([], { ignoreInitial: true, atomic: true });
		this.watcher.on("change", onChange);
		this.watcher.on("unlink", onChange);
	}

	/** Watches these files too (those watched already are left as they are). */
	add(files: readonly string[]): void {
		const added = files.filter(file => !this.watched.has(file));
		for (const file of added) {
			this.watched.add(file);
		}
		if (added.length > 0) {
			this.watcher.add(added);
		}
	}

	close(): Promise<void> {
		return this.watcher.close();
	}
}
