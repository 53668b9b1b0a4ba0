// A changed file that failed to load because it imports a file that does not exist yet (the
// importer was saved before the new file was created): the file it looked for is watched, and
// when it appears the importer counts as changed again, so the update is retried as if the
// importer had just been saved. Node's ERR_MODULE_NOT_FOUND names the file it looked for (`url`)
// when the specifier is a path or a URL; for a package that is not installed it names none, and
// nothing is retried.
//
// An importer awaits at most one file: the one its last load failed on. Any later load of it
// (saved again, or retried) replaces that, and an importer that leaves the graph awaits nothing.
// A retry that fails on the very file that appeared does not wait for it again: the file is
// there, so it would be reported at once, and the retry would fail again, without end.

import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { HotController } from "../model/controller.js";

/** The `file:` URL that a failed resolution looked for, when `error` is that failure. */
export function missingFileOf(error: unknown): string | undefined {
	if (typeof error !== "object" || error === null) {
		return undefined;
	}
	const { code, url, message } = error as { code?: unknown; url?: unknown; message?: unknown };
	if (code !== "ERR_MODULE_NOT_FOUND") {
		return undefined;
	}
	if (typeof url === "string") {
		return url.startsWith("file:") ? url : undefined;
	}
	// Older releases (Node 20.6) give `url` as a URL object, which arrives from the loader
	// thread as a plain empty object; the message names the path too.
	const path = typeof message === "string" ? /^Cannot find module '(.+)' imported from /.exec(message)?.[1] : undefined;
	return path !== undefined && isAbsolute(path) ? pathToFileURL(path).href : undefined;
}

export interface MissingImports {
	/** `importer` failed to load with `error`: if that is a missing file, wait for it. */
	loadFailed(importer: HotController, error: unknown): void;
	/** `importer` loaded, or left the graph: it waits for nothing. */
	forget(importer: HotController): void;
	/** The file at `url` appeared: answers the importers that waited for it (and stops waiting). */
	appeared(url: string): HotController[];
	/** Whether some importer waits for the file at `url`. */
	isAwaited(url: string): boolean;
}

/**
 * `watch(url)` starts watching a missing file (it is reported when it appears), `unwatch(url)`
 * stops once no importer waits for it.
 */
export function createMissingImports(watch: (url: string) => void, unwatch: (url: string) => void): MissingImports {
	const importersOf = new Map<string, Set<HotController>>();
	const awaitedBy = new Map<HotController, string>();
	/** Importers retried because the file they awaited appeared, and that file. */
	const retried = new Map<HotController, string>();

	function forget(importer: HotController): void {
		retried.delete(importer);
		const url = awaitedBy.get(importer);
		if (url === undefined) {
			return;
		}
		awaitedBy.delete(importer);
		const importers = importersOf.get(url);
		importers?.delete(importer);
		if (importers?.size === 0) {
			importersOf.delete(url);
			unwatch(url);
		}
	}

	return {
		loadFailed(importer, error) {
			const appeared = retried.get(importer);
			forget(importer);
			const url = missingFileOf(error);
			if (url === undefined || url === appeared) {
				return;
			}
			awaitedBy.set(importer, url);
			const importers = importersOf.get(url);
			if (importers === undefined) {
				importersOf.set(url, new Set([ importer ]));
				watch(url);
			} else {
				importers.add(importer);
			}
		},
		forget,
		appeared(url) {
			const importers = importersOf.get(url);
			if (importers === undefined) {
				return [];
			}
			importersOf.delete(url);
			for (const importer of importers) {
				awaitedBy.delete(importer);
				retried.set(importer, url);
			}
			unwatch(url);
			return [ ...importers ];
		},
		isAwaited(url) {
			return importersOf.has(url);
		},
	};
}
