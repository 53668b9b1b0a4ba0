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
import { createMissingImports, type MissingImports } from "../watch/missing-imports.js";
import type { Updater } from "./updater.js";
import { createModuleWatcher, type ModuleWatcher } from "../watch/watcher.js";

export class UpdateScheduler {
	#watcher: ModuleWatcher | undefined;
	readonly #watched = new Set<string>();
	readonly #changedFiles = new Set<HotController>();
	readonly #invalidated = new Set<HotController>();
	// Modules a loader dropped (their file was removed from its folder, or it loaded the file again
	// at another URL): the next update that completes prunes them unless something else imports them.
	readonly #released = new Set<HotController>();
	// Folder → the modules whose evaluation loaded files of it from outside the hot graph.
	readonly #loadersByFolder = new Map<string, Set<HotController>>();
	// Instances that called `invalidate()` while an update ran: whatever it did not consume runs next.
	readonly #invalidatedDuringUpdate = new Set<ModuleInstance>();
	#state: "idle" | "scheduled" | "running" = "idle";
	// An update was asked for while one ran: another runs when it ends.
	#rerunRequested = false;
	// The watcher follows a URL while a controller or an importer waiting for the file needs it.
	readonly #missingImports: MissingImports = createMissingImports(url => this.#watcher?.watch(url, "missing"), url => {
		if (!this.#watched.has(url)) {
			this.#watcher?.unwatch(url);
		}
	});

	constructor(readonly updater: Updater) {}

	/** Starts watching (on the first `runtime.main()`): only then do updates exist. */
	startWatching(): void {
		if (this.#watcher !== undefined) {
			return;
		}
		const watcher = createModuleWatcher(
			url => this.#fileChanged(url),
			error => this.updater.logger.log("The file watcher failed: %O", error),
			(folder, added, removed) => this.#folderChanged(folder, added, removed),
		);
		this.#watcher = watcher;
		for (const url of this.#watched) {
			watcher.watch(url);
		}
		for (const folder of this.#loadersByFolder.keys()) {
			watcher.watchFolder(folder);
		}
	}

	#fileChanged(url: string): void {
		const controller = controllerByURL(url);
		const changed = controller === undefined ? [] : [ controller ];
		changed.push(...this.#missingImports.appeared(url));
		for (const file of changed) {
			this.#changedFiles.add(file);
		}
		if (changed.length > 0) {
			this.#requestUpdate();
		}
	}

	/**
	 * Code outside the hot graph imported `imported` while `importer` was being evaluated: a
	 * dependency of `importer`, whose folder is watched for files that appear or disappear.
	 */
	addOutsideImport(importer: HotController, imported: HotController): void {
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
				this.#released.add(previous);
			}
		}
		importer.outsideImports.add(imported);
		importer.addDependency(imported);
		const folder = dirname(file);
		let loaders = this.#loadersByFolder.get(folder);
		if (loaders === undefined) {
			loaders = new Set();
			this.#loadersByFolder.set(folder, loaders);
			this.#watcher?.watchFolder(folder);
		}
		loaders.add(importer);
	}

	/** The module files in a loader's folder changed: the modules it loaded them for are evaluated again. */
	#folderChanged(folder: string, added: readonly string[], removed: readonly string[]): void {
		const loaders = this.#loadersByFolder.get(folder);
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
					this.#released.add(module);
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
			this.#invalidated.add(loader);
		}
		this.#requestUpdate();
	}

	#unwatchFoldersOf(controller: HotController): void {
		for (const [ folder, loaders ] of this.#loadersByFolder) {
			if (loaders.delete(controller) && loaders.size === 0) {
				this.#loadersByFolder.delete(folder);
				this.#watcher?.unwatchFolder(folder);
			}
		}
	}

	watchController(controller: HotController): void {
		if (!this.#watched.has(controller.url)) {
			this.#watched.add(controller.url);
			this.#watcher?.watch(controller.url);
		}
	}

	/**
	 * Starts the pending watches now: called before a graph evaluates, so that chokidar starts
	 * before application code that could replace the globals it uses (`Promise.all`, say).
	 */
	startPendingWatches(): void {
		this.#watcher?.flush();
	}

	unwatchController(controller: HotController): void {
		this.#missingImports.forget(controller);
		this.#unwatchFoldersOf(controller);
		if (this.#watched.delete(controller.url) && !this.#missingImports.isAwaited(controller.url)) {
			this.#watcher?.unwatch(controller.url);
		}
	}

	/** `import.meta.hot.invalidate()` of `instance`. */
	invalidate(instance: ModuleInstance): void {
		if (this.updater.updating) {
			// Inside an update this cancels the instance's acceptance.
			instance.hotState.invalidated = true;
			this.#invalidatedDuringUpdate.add(instance);
		} else if (instance.controller.current === instance) {
			this.#invalidated.add(instance.controller);
			this.#requestUpdate();
		}
	}

	#requestUpdate(): void {
		if (this.#state === "running") {
			this.#rerunRequested = true;
			this.updater.giveUpIfStuck();
		} else if (this.#state === "idle") {
			this.#state = "scheduled";
			setImmediate(() => void this.#run());
		}
	}

	#takeChangedFiles(): HotController[] {
		const files = [ ...this.#changedFiles ];
		this.#changedFiles.clear();
		return files;
	}

	async #run(): Promise<void> {
		this.#state = "running";
		const files = this.#takeChangedFiles();
		const modules = [ ...this.#invalidated ];
		this.#invalidated.clear();
		reportUpdateStarted([ ...files, ...modules ].map(controller => controller.url));
		try {
			await this.updater.update(files, modules, {
				watch: controller => this.watchController(controller),
				unwatch: controller => this.unwatchController(controller),
				takeChangedFiles: () => this.#takeChangedFiles(),
				loaded: controller => this.#missingImports.forget(controller),
				loadFailed: (controller, error) => this.#missingImports.loadFailed(controller, error),
				takeReleased: () => {
					const modules = [ ...this.#released ];
					this.#released.clear();
					return modules;
				},
			});
		} catch (error) {
			this.updater.logger.log("Internal error during an update: %O", error);
		} finally {
			this.#state = "idle";
			for (const instance of this.#invalidatedDuringUpdate) {
				if (instance.controller.current === instance) {
					this.#invalidated.add(instance.controller);
					this.#rerunRequested = true;
				}
			}
			this.#invalidatedDuringUpdate.clear();
			if (this.#rerunRequested) {
				this.#rerunRequested = false;
				this.#requestUpdate();
			}
		}
	}
}
