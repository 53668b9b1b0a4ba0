// When updates run: file changes (from the watcher) and `invalidate()` calls are collected, and
// one update runs for all that arrived together; what arrives during an update runs after it.
// A changed file that failed to load on an import of a file that does not exist yet counts as
// changed again when that file appears (./missing-imports.ts).

import { controllerByURL, type HotController } from "./controller.js";
import type { ModuleInstance } from "./instance.js";
import { log } from "./logger.js";
import { createMissingImports } from "./missing-imports.js";
import { isUpdating, performUpdate } from "./update.js";
import { createModuleWatcher, type ModuleWatcher } from "./watcher.js";

let watcher: ModuleWatcher | undefined;
const watched = new Set<string>();
const changedFiles = new Set<HotController>();
const invalidated = new Set<HotController>();
// Instances that called `invalidate()` while an update ran: whatever it did not consume runs next.
const invalidatedDuringUpdate = new Set<ModuleInstance>();
let state: "idle" | "scheduled" | "running" = "idle";
let again = false;

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
	}, error => log("The file watcher failed: %O", error));
	for (const url of watched) {
		watcher.watch(url);
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
		again = true;
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
	try {
		await performUpdate(files, modules, {
			watch: watchController,
			unwatch: unwatchController,
			takeChangedFiles,
			loaded: controller => missingImports.forget(controller),
			loadFailed: (controller, error) => missingImports.loadFailed(controller, error),
		});
	} catch (error) {
		log("Internal error during an update: %O", error);
	} finally {
		state = "idle";
		for (const instance of invalidatedDuringUpdate) {
			if (instance.controller.current === instance) {
				invalidated.add(instance.controller);
				again = true;
			}
		}
		invalidatedDuringUpdate.clear();
		if (again) {
			again = false;
			requestUpdate();
		}
	}
}
