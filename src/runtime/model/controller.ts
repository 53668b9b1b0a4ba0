// One controller per hot module URL, for the life of the process: the committed version and
// instance, a version loaded but not applied yet, the instance staged by a running update, and
// the importers that reach this module (reverse edges, so that an update walks up from a change
// without looking at the rest of the graph). Importers outside the hot graph hold copies of the
// exports (src/hooks/live-bindings.ts): they follow the module by URL and are told of every change.

import type { AdapterModule, adapterFor } from "./adapter.js";
import { ModuleInstance } from "./instance.js";
import type { ModuleMetadata } from "./metadata.js";
import type { ImportMetaObject, ModuleBody } from "./module-body.js";
import { followRunningImports } from "./superseded-imports.js";
import { ModuleVersion, type ModuleSource } from "./version.js";

/** The controller a stub hands to the runtime: a hot module's, or an adapter (its own controller, since it never changes). */
export type ModuleController = HotController | AdapterModule;

/** What a stub's (or an adapter's) default export is called with: the runtime's entry points for registering modules. */
export interface StubRuntime {
	/** The controller of the hot module `url`; a higher `versionNumber` registers a newer version of its code. */
	readonly acquire: (
		url: string,
		versionNumber: number,
		execute: ModuleBody,
		metadata: ModuleMetadata,
		dependencies: readonly ModuleFunction[],
		source: ModuleSource,
	) => HotController;
	readonly adapter: typeof adapterFor;
}

/** What `dependencies[i]` of a stub is: a function answering the controller of request `i`, given the runtime. */
export type ModuleFunction = (runtime: StubRuntime) => ModuleController;

/**
 * What the module model and the loader need from the layers above them (the Hot API, `import()`,
 * the watches of the update scheduler), handed to them instead of imported: the model knows
 * nothing of updates, and no lower layer imports a higher one. The runtime object
 * (src/runtime/runtime.ts) is the host; each controller keeps the host of the runtime it belongs to.
 */
export interface RuntimeHost {
	/** What the function a stub or an adapter default-exports is called with. */
	readonly stubRuntime: StubRuntime;
	/** `import.meta` of `instance`, its `Hot` included (only for a body that reads `import.meta`). */
	importMeta(instance: ModuleInstance): ImportMetaObject;
	/** `import()` in the body of `instance`. */
	importFrom(instance: ModuleInstance, specifier: unknown, options?: unknown): Promise<unknown>;
	/** The module joined the running graph: its file is watched (the watch may start later). */
	watch(controller: HotController): void;
	/** Starts the watches asked for so far (before a graph evaluates). */
	startPendingWatches(): void;
	/** These modules joined the graph outside an update's plan (an update running now reports them). */
	noteLoadedModules(urls: readonly string[]): void;
}

/**
 * Keeps copies of a module's exports in step with its running instance: the bindings modules
 * that importers outside the hot graph see (src/hooks/facade.ts).
 */
export interface ExportFollower {
	/** The running instance stored `value` in the binding exported as `name`. */
	readonly written: (name: string, value: unknown) => void;
	/** Any export may have changed (an instance was committed or finished evaluating). */
	readonly refresh: (read: (name: string) => unknown) => void;
}

export class HotController {
	readonly kind = "hot";
	/** The version of the committed instance (or of the first instance to come). */
	version: ModuleVersion;
	/** A newer version waiting for an update to apply it. */
	pendingVersion: ModuleVersion | undefined;
	/** The instance the application runs. */
	current: ModuleInstance | undefined;
	/** The instance a running update has linked and not committed yet. */
	staged: ModuleInstance | undefined;
	/**
	 * Controllers whose current instance imports this one (statically or through `import()`), or
	 * that code outside the hot graph imported this one for (`outsideImports`).
	 */
	readonly importers = new Set<HotController>();
	/**
	 * Modules that code outside the hot graph (a package's `import()`) imported while this module
	 * was being evaluated: dependencies of the module, not of one instance. Node answers a file
	 * it has loaded from its cache, so the next evaluation imports them again unseen.
	 */
	readonly outsideImports = new Set<HotController>();
	/** The module that is not hot whose import made this one a root (for reports). */
	outsideImporter: string | undefined;
	/** Pruned: the file may have changed unwatched, so it is reloaded before it is used again. */
	stale = false;
	/** Entered by `runtime.main()`: a root of the hot graph. */
	isRoot = false;
	/** The entry module of the process or worker: its `import.meta.main` is true. */
	isMain = false;
	/** The highest version number seen (versions loaded through the hooks are numbered). */
	latestVersionNumber: number;
	/** Who follows the exports of this URL; undefined while nobody does (writes then cost nothing). */
	followers: ExportFollower[] | undefined;

	constructor(
		readonly url: string,
		version: ModuleVersion,
		readonly source: ModuleSource,
		/** The runtime the module belongs to: what its instances ask of the layers above the model. */
		readonly host: RuntimeHost,
	) {
		this.version = version;
		this.latestVersionNumber = version.number;
		this.followers = followersByURL.get(url);
	}

	createInstance(version = this.version): ModuleInstance {
		return new ModuleInstance(this, version);
	}

	/**
	 * Makes `instance` the running instance and moves the importer edges from the previous one.
	 * Answers the hot controllers that lost this module as an importer (candidates for pruning).
	 */
	commit(instance: ModuleInstance): HotController[] {
		const previous = this.current;
		this.current = instance;
		this.version = instance.version;
		if (this.pendingVersion === instance.version) {
			this.pendingVersion = undefined;
		}
		const lost: HotController[] = [];
		if (previous !== undefined && previous !== instance) {
			followRunningImports(previous, () => this.current);
			for (const dependency of previous.dependencyControllers()) {
				if (dependency.kind === "hot" && dependency.importers.delete(this)) {
					lost.push(dependency);
				}
			}
		}
		for (const dependency of [ ...instance.dependencyControllers(), ...this.outsideImports ]) {
			this.addDependency(dependency);
		}
		this.exportsChanged(instance);
		return lost;
	}

	/** `instance` was committed or finished evaluating: followers read every export again. */
	exportsChanged(instance: ModuleInstance): void {
		if (this.followers === undefined || this.current !== instance) {
			return;
		}
		for (const follower of this.followers) {
			follower.refresh(name => readExport(instance, name));
		}
	}

	addDependency(dependency: ModuleController): void {
		if (dependency.kind === "hot" && dependency !== this) {
			dependency.importers.add(this);
		}
	}

	/** The module left the graph: drops its edges; answers the controllers that lost an importer. */
	detach(): HotController[] {
		const lost: HotController[] = [];
		for (const imported of this.outsideImports) {
			if (imported.importers.delete(this)) {
				lost.push(imported);
			}
		}
		this.outsideImports.clear();
		const previous = this.current;
		this.current = undefined;
		if (previous !== undefined) {
			for (const dependency of previous.dependencyControllers()) {
				if (dependency.kind === "hot" && dependency.importers.delete(this)) {
					lost.push(dependency);
				}
			}
		}
		return lost;
	}
}

/** An export of `instance` as an importer would read it now; undefined when it has none of that name. */
function readExport(instance: ModuleInstance, name: string): unknown {
	const accessors = instance.accessors;
	if (accessors === undefined || !Object.hasOwn(accessors, name)) {
		return undefined;
	}
	try {
		return accessors[name]();
	} catch {
		// In its temporal dead zone: not evaluated yet, or the evaluation failed before it.
		return undefined;
	}
}

// One controller per URL for the thread, as Node's module map has one module per URL: module-level
// rather than owned by a runtime object, because the bindings modules of facades
// (src/hooks/live-bindings.ts) find the controller they follow by URL, without a runtime. Each
// controller keeps the host of the runtime whose stubs registered it first (tests give each
// runtime object files of its own).
const controllers = new Map<string, HotController>();
// Followers register by URL: a facade's bindings module evaluates before the runtime has seen
// the module it follows.
const followersByURL = new Map<string, ExportFollower[]>();

/** Makes `follower` follow the exports of the hot module `url`, starting with their current values. */
export function followExports(url: string, follower: ExportFollower): void {
	let followers = followersByURL.get(url);
	if (followers === undefined) {
		followers = [];
		followersByURL.set(url, followers);
	}
	followers.push(follower);
	const controller = controllers.get(url);
	if (controller !== undefined) {
		controller.followers = followers;
		const instance = controller.current;
		if (instance !== undefined) {
			follower.refresh(name => readExport(instance, name));
		}
	}
}

/**
 * The `acquire` of the stubs of the runtime whose host is `host` (./stub-runtime.ts): the
 * controllers it makes belong to that runtime.
 */
export function controllerAcquirer(host: RuntimeHost): StubRuntime["acquire"] {
	return (url, versionNumber, execute, metadata, dependencies, source) => {
		const controller = controllers.get(url);
		if (controller === undefined) {
			const created = new HotController(url, new ModuleVersion(versionNumber, execute, metadata, dependencies, host.stubRuntime), source, host);
			controllers.set(url, created);
			return created;
		}
		if (versionNumber > controller.latestVersionNumber) {
			controller.latestVersionNumber = versionNumber;
			controller.pendingVersion = new ModuleVersion(versionNumber, execute, metadata, dependencies, controller.host.stubRuntime);
		}
		return controller;
	};
}

export function controllerByURL(url: string): HotController | undefined {
	return controllers.get(url);
}

/** Every hot module of the thread, in the order they were first loaded. */
export function hotControllers(): IterableIterator<HotController> {
	return controllers.values();
}
