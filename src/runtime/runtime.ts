// The runtime object: it owns the state of the runtime (its logger, update events, updater and
// update scheduler) and is the host the module model asks for what the layers above it provide
// (`RuntimeHost`, ./model/controller.ts). The entry (./index.ts) makes the one the process uses; tests make
// their own, so that updates of independent graphs do not share state.

import { reportRootEvaluated } from "../cli/app-channel.js";
import { adapterFor, type AdapterModule } from "./model/adapter.js";
import { hotControllers, type HotController, type ModuleFunction, type RuntimeHost, type StubRuntime } from "./model/controller.js";
import { importFrom } from "./load/dynamic-import.js";
import { Hot } from "./hot/hot.js";
import { createImportMeta } from "./hot/import-meta.js";
import { evaluatingInstance, type ModuleInstance } from "./model/instance.js";
import { loadGraph } from "./load/load-graph.js";
import { Logger } from "./report/logger.js";
import { namespaceOf } from "./ecma/namespace.js";
import { stubRuntimeOf } from "./model/stub-runtime.js";
import { UpdateEvents } from "./report/update-events.js";
import { UpdateEventsFile } from "./report/update-events-file.js";
import { disposeAll } from "./update/dispose-all.js";
import { UpdateScheduler } from "./update/update-scheduler.js";
import { Updater } from "./update/updater.js";
import type { ImportMetaObject } from "./model/module-body.js";

export interface RuntimeSettings {
	/** No `[hot]` lines on stderr (the `on("message")` listeners still hear them). */
	readonly silent: boolean;
	/** Where every update event is appended (`DYNOHOT_EVENTS`). */
	readonly eventsFile?: string | undefined;
	/** The `dynohot` command restarts the app when an update cannot be hot or does not end (../update/updater.ts). */
	readonly supervised?: boolean;
}

export class Runtime implements RuntimeHost {
	readonly logger: Logger;
	readonly updateEvents: UpdateEvents;
	readonly updater: Updater;
	readonly scheduler: UpdateScheduler;
	readonly stubRuntime: StubRuntime = stubRuntimeOf(this);

	constructor(settings: RuntimeSettings) {
		this.logger = new Logger(settings.silent);
		const file = settings.eventsFile === undefined ? undefined : new UpdateEventsFile(settings.eventsFile, this.logger);
		this.updateEvents = new UpdateEvents(this.logger, file);
		this.updater = new Updater(this.logger, this.updateEvents, settings.supervised ?? false);
		this.scheduler = new UpdateScheduler(this.updater);
	}

	/** The application ends (the `dynohot` command replaced it): every running module's dispose handlers run. */
	disposeAll(): Promise<void> {
		return disposeAll(hotControllers(), this.logger);
	}

	importMeta(instance: ModuleInstance): ImportMetaObject {
		const hot = new Hot(instance.hotState, {
			invalidate: () => this.scheduler.invalidate(instance),
			subscribe: listener => this.logger.subscribe(listener),
			subscribeUpdates: (kind, listener) => this.updateEvents.subscribe(kind, listener),
		});
		return createImportMeta(instance.controller.url, instance.controller.isMain, hot);
	}

	importFrom(instance: ModuleInstance, specifier: unknown, options?: unknown): Promise<unknown> {
		return importFrom(instance, specifier, options);
	}

	watch(controller: HotController): void {
		this.scheduler.watchController(controller);
	}

	startPendingWatches(): void {
		this.scheduler.startPendingWatches();
	}

	noteLoadedModules(urls: readonly string[]): void {
		this.updater.noteLoadedModules(urls);
	}

	/** The module record of a module Node loaded natively. */
	adapter(url: string, namespace: Readonly<Record<string, unknown>>): AdapterModule {
		return adapterFor(url, namespace);
	}

	/**
	 * Links and evaluates the hot graph under a module that code outside the hot graph imports (the
	 * facade of src/hooks/facade.ts); answers its namespace. Imported while a hot module is being
	 * evaluated, it is a dependency of that module; otherwise a root. `isMain`: it is the entry module
	 * of the process or worker (Node's `import.meta.main` in the facade); `importer`: the URL of the
	 * module that imported it first, when that is not the entry.
	 */
	async main(moduleFunction: ModuleFunction, isMain = false, importer?: string): Promise<object> {
		const controller = moduleFunction(this.stubRuntime);
		if (controller.kind === "hot") {
			const evaluating = isMain ? undefined : evaluatingInstance();
			if (evaluating === undefined) {
				controller.isRoot = true;
				controller.isMain ||= isMain;
				controller.outsideImporter ??= importer;
			} else {
				this.scheduler.addOutsideImport(evaluating.controller, controller);
			}
			this.scheduler.startWatching();
		}
		const namespace = namespaceOf(await loadGraph(controller));
		reportRootEvaluated(controller.url);
		return namespace;
	}
}
