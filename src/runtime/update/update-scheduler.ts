// When updates run (docs/semantics.md §5.8): file changes (from the watcher) and `invalidate()`
// calls are collected, and one update runs for all that arrived together; what arrives during an
// update runs after it. A changed file that failed to load on an import of a file that does not
// exist yet counts as changed again when that file appears (../watch/missing-imports.ts).
//
// Folders of modules that code outside the hot graph imported while a hot module was being
// evaluated (a route loader's folder) are watched for module files that appear or disappear:
// that is a change of the module the loader ran for, which is evaluated again so that the
// loader reads the folder again. A removed file's module leaves the graph unless something else
// imports it; a file that comes back joins it again through the loader's module.

import { reportUpdateStarted } from "../../cli/app-channel.js";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { controllerByURL, type HotController } from "../model/controller.js";
import type { ModuleInstance } from "../model/instance.js";
import { log } from "../report/logger.js";
import { createMissingImports } from "../watch/missing-imports.js";
import { isUpdating, performUpdate } from "./update.js";
import { createModuleWatcher, type ModuleWatcher } from "../watch/watcher.js";

let watcher: ModuleWatcher | undefined;
const watched = new Set<string>();
const changedFiles = new Set<HotController>();
const invalidated = new Set<HotController>();
// Modules a loader dropped (their file was removed from its folder, or it loaded the file again
// at another URL): the next update that completes prunes them unless something else imports them.
const released = new Set<HotController>();
// Folder → the modules whose evaluation loaded files of it from outside the hot graph.
const loadersByFolder = new Map<string, Set<HotController>>();
// Instances that called `invalidate()` while an update ran: whatever it did not consume runs next.
const invalidatedDuringUpdate = new Set<ModuleInstance>();
let state: "idle" | "scheduled" | "running" = "idle";
// An update was asked for while one ran: another runs when it ends.
let rerunRequested = false;

// The watcher follows a URL while a controller or an importer waiting for the file needs it.
const missingImports = createMissingImports(url => watcher?.watch(url, "missing"), url => {
	if (!watched.has(url)) {
		watcher?.unwatch(url);
	}
});

/** Starts watching (on the first `runtime.main()`): only then do updates exist. */
export function startWatching(): void {
	watcher ??= createModuleWatcher(url => {
		const controller = controllerByURL(url);
		const changed = controller === undefined ? [] : [ controller ];
		changed.push(...missingImports.appeared(url));
		for (const file of changed) {
			changedFiles.add(file);
		}
		if (changed.length > 0) {
			requestUpdate();
		}
	}, error => log("The file watcher failed: %O", error), folderChanged);
	for (const url of watched) {
		watcher.watch(url);
	}
	for (const folder of loadersByFolder.keys()) {
		watcher.watchFolder(folder);
	}
}

/**
 * Code outside the hot graph imported `imported` while `importer` was being evaluated: a
 * dependency of `importer`, whose folder is watched for files that appear or disappear.
 */
export function addOutsideImport(importer: HotController, imported: HotController): void {
	if (importer === imported) {
		return;
	}
	const file = fileURLToPath(imported.url);
	for (const previous of importer.outsideImports) {
		// A loader that adds a query to get past Node's cache (`a.js?t=2`) replaced the module it
		// loaded from this file before: that one would otherwise stay, and be reloaded, forever.
		if (previous !== imported && fileURLToPath(previous.url) === file) {
			importer.outsideImports.delete(previous);
			previous.importers.delete(importer);
			released.add(previous);
		}
	}
	importer.outsideImports.add(imported);
	importer.addDependency(imported);
	const folder = dirname(file);
	let loaders = loadersByFolder.get(folder);
	if (loaders === undefined) {
		loaders = new Set();
		loadersByFolder.set(folder, loaders);
		watcher?.watchFolder(folder);
	}
	loaders.add(importer);
}

/** The module files in a loader's folder changed: the modules it loaded them for are evaluated again. */
function folderChanged(folder: string, added: readonly string[], removed: readonly string[]): void {
	const loaders = loadersByFolder.get(folder);
	if (loaders === undefined) {
		return;
	}
	const removedFiles = new Set(removed.map(url => fileURLToPath(url)));
	for (const loader of loaders) {
		for (const module of loader.outsideImports) {
			// By file: the loader may have imported it with a query.
			if (removedFiles.has(fileURLToPath(module.url))) {
				loader.outsideImports.delete(module);
				module.importers.delete(loader);
				released.add(module);
			}
		}
	}
	for (const url of added) {
		// Node answers a module it loaded before from its cache, without asking the facade again:
		// a file that left the graph and comes back is brought in for the loader.
		const module = controllerByURL(url);
		if (module !== undefined && module.current === undefined && module.followers !== undefined) {
			for (const loader of loaders) {
				loader.outsideImports.add(module);
			}
		}
	}
	for (const loader of loaders) {
		invalidated.add(loader);
	}
	requestUpdate();
}

function unwatchFoldersOf(controller: HotController): void {
	for (const [ folder, loaders ] of loadersByFolder) {
		if (loaders.delete(controller) && loaders.size === 0) {
			loadersByFolder.delete(folder);
			watcher?.unwatchFolder(folder);
		}
	}
}

export function watchController(controller: HotController): void {
	if (!watched.has(controller.url)) {
		watched.add(controller.url);
		watcher?.watch(controller.url);
	}
}

/**
 * Starts the pending watches now: called before a graph evaluates, so that chokidar starts
 * before application code that could replace the globals it uses (`Promise.all`, say).
 */
export function startPendingWatches(): void {
	watcher?.flush();
}

export function unwatchController(controller: HotController): void {
	missingImports.forget(controller);
	unwatchFoldersOf(controller);
	if (watched.delete(controller.url) && !missingImports.isAwaited(controller.url)) {
		watcher?.unwatch(controller.url);
	}
}

/** `import.meta.hot.invalidate()` of `instance`. */
export function invalidate(instance: ModuleInstance): void {
	if (isUpdating()) {
		// Inside an update this cancels the instance's acceptance.
		instance.hotState.invalidated = true;
		invalidatedDuringUpdate.add(instance);
	} else if (instance.controller.current === instance) {
		invalidated.add(instance.controller);
		requestUpdate();
	}
}

function requestUpdate(): void {
	if (state === "running") {
		rerunRequested = true;
	} else if (state === "idle") {
		state = "scheduled";
		setImmediate(() => void run());
	}
}

function takeChangedFiles(): HotController[] {
	const files = [ ...changedFiles ];
	changedFiles.clear();
	return files;
}

async function run(): Promise<void> {
	state = "running";
	const files = [ ...changedFiles ];
	const modules = [ ...invalidated ];
	changedFiles.clear();
	invalidated.clear();
	reportUpdateStarted([ ...files, ...modules ].map(controller => controller.url));
	try {
		await performUpdate(files, modules, {
			watch: watchController,
			unwatch: unwatchController,
			takeChangedFiles,
			loaded: controller => missingImports.forget(controller),
			loadFailed: (controller, error) => missingImports.loadFailed(controller, error),
			takeReleased: () => {
				const modules = [ ...released ];
				released.clear();
				return modules;
			},
		});
	} catch (error) {
		log("Internal error during an update: %O", error);
	} finally {
		state = "idle";
		for (const instance of invalidatedDuringUpdate) {
			if (instance.controller.current === instance) {
				invalidated.add(instance.controller);
				rerunRequested = true;
			}
		}
		invalidatedDuringUpdate.clear();
		if (rerunRequested) {
			rerunRequested = false;
			requestUpdate();
		}
	}
}
