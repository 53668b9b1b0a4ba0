// One update (docs/semantics.md §5): load the changed files, plan the replacement by walking up from them,
// link every new instance before anything is disposed, then per strongly connected component
// (dependencies first) dispose the previous instances and evaluate the new ones, relink the
// importers that stay, run the accept handlers, and prune what left the graph. A handler that
// does not accept sends the change on in another round. The update ends in one event (what it
// did, how long each phase took, what stopped it), which is how it is reported.

import { runSelfAcceptHandlers, runAcceptHandlers } from "./accept.js";
import type { HotController } from "../model/controller.js";
import { evaluate } from "../ecma/evaluate.js";
import { evaluationOrder } from "./evaluation-order.js";
import { runDisposeHandlers } from "../hot/hot.js";
import { settleLeftovers } from "../sentinel/leftovers.js";
import { errorOrigin, type ModuleInstance } from "../model/instance.js";
import { link, linkErrorModule } from "../ecma/link.js";
import { instantiated, refreshStale } from "../load/load-graph.js";
import { loadNextVersion } from "../load/load-version.js";
import { type GaveUp, logError, logFatal } from "../report/logger.js";
import { namespaceOf } from "../ecma/namespace.js";
import { pruneUnreachable } from "./prune.js";
import { bindRelinked, prepareRelink, relinkSet, relinkToRunning, type PreparedRelink } from "./relink.js";
import { awaitHandlers } from "./slow-handler.js";
import { describeUpdateError } from "../report/update-error.js";
import type { UpdateChainLink, UpdateDurations, UpdateOutcome } from "../update-event.js";
import { announceUpdate } from "../report/update-events.js";
import { planUpdate, type UpdatePlan } from "./update-plan.js";
import type { ModuleVersion } from "../model/version.js";

export interface UpdateEnvironment {
	readonly watch: (controller: HotController) => void;
	readonly unwatch: (controller: HotController) => void;
	/** Files reported changed since the update started (and no longer queued for the next one). */
	takeChangedFiles?(): HotController[];
	/** A new version of the module's file was loaded. */
	loaded?(controller: HotController): void;
	/** Loading a new version of the module's file failed with `error` (reported already). */
	loadFailed?(controller: HotController, error: unknown): void;
	/** Modules that lost an importer outside an update (a loader's file went away): pruned when nothing reaches them. */
	takeReleased?(): HotController[];
}

// Changes not applied yet: new versions whose update failed to link or evaluate, and modules
// that asked to be re-evaluated. The next update retries them.
const pending = new Set<HotController>();
// A dispose or prune handler threw: the application state is unknown from then on.
let fatal = false;
let updating = false;

/** Whether an update is running (handlers calling `invalidate()` then cancel their acceptance). */
export function isUpdating(): boolean {
	return updating;
}

type PhaseDurations = { -readonly [Phase in Exclude<keyof UpdateDurations, "total">]: number };

/** What the running update has done so far: its event is made of it. */
interface UpdateProgress {
	readonly started: number;
	readonly changed: Set<HotController>;
	readonly loaded: string[];
	readonly reevaluated: string[];
	readonly boundaries: Set<string>;
	readonly durations: PhaseDurations;
}

// The running update: modules an accept handler brings in through `import()` are loaded by it too.
let activeProgress: UpdateProgress | undefined;

/** These modules joined the graph outside the update's own plan (through `import()`). */
export function noteLoadedModules(urls: readonly string[]): void {
	activeProgress?.loaded.push(...urls);
}

/** Runs `work`, adding the time it takes to the update's `phase`. */
async function timed<Result>(durations: PhaseDurations, phase: keyof PhaseDurations, work: () => Promise<Result>): Promise<Result> {
	const started = performance.now();
	try {
		return await work();
	} finally {
		durations[phase] += performance.now() - started;
	}
}

/** An error that ended the update, and the module it arose in. */
interface Failure {
	readonly outcome: Extract<UpdateOutcome, `${string}-error`>;
	readonly url: string;
	/** The module as the update's plan knows it, for the path the change took to it. */
	readonly controller: HotController | undefined;
	readonly error: unknown;
}

type RoundOutcome =
	| {
		readonly kind: "applied";
		/** Boundaries whose accept handlers did not accept: the next round replaces them. */
		readonly notAccepted: HotController[];
		/** Replaced modules whose self-accept handlers did not accept: the next round passes the change on to their importers. */
		readonly passedOn: HotController[];
		readonly gaveUp: GaveUp[];
	}
	| { readonly kind: "failed"; readonly failure: Failure };

/** The modules that the hooks answer for requests of the new versions, loaded if stale. */
async function loadVersions(changed: Iterable<HotController>, environment: UpdateEnvironment, progress: UpdateProgress, failures: Failure[]): Promise<void> {
	// A stack, filled in reverse: the changed modules load, and so (when unrelated) evaluate, in
	// the order their changes were reported; the instances of one file (`m.js?x`, `m.js?y`) in
	// the order they joined the graph.
	const work = [ ...changed ].reverse();
	const seen = new Set<HotController>();
	while (work.length > 0) {
		const controller = work.pop()!;
		if (seen.has(controller)) {
			continue;
		}
		seen.add(controller);
		let version: ModuleVersion;
		try {
			version = await timed(progress.durations, "load", () => loadNextVersion(controller, progress.durations));
		} catch (error) {
			logError("loading", controller.url, error);
			failures.push({ outcome: "load-error", url: controller.url, controller, error });
			controller.pendingVersion = undefined;
			pending.delete(controller);
			environment.loadFailed?.(controller, error);
			continue;
		}
		environment.loaded?.(controller);
		controller.pendingVersion = version;
		controller.stale = false;
		pending.add(controller);
		// A file that was pruned and is imported again may have changed while nobody watched it.
		for (let index = 0; index < version.metadata.requests.length; ++index) {
			const dependency = version.controllerOf(index);
			if (dependency.kind === "hot" && dependency.current === undefined && dependency.stale) {
				work.push(dependency);
			}
		}
	}
}

function discardStaged(staged: Iterable<HotController>): void {
	for (const controller of staged) {
		controller.staged = undefined;
	}
}

/**
 * The replaced modules in the order linking starts from them: first the top of the replaced
 * region (no replaced importer), then modules a staying importer enters, then the rest. The
 * depth-first walk then reaches dependencies in request order and enters each cycle where an
 * importer outside it does, as the walk from the root would.
 */
function linkOrder(replace: ReadonlySet<HotController>): HotController[] {
	const rank = (controller: HotController): number => {
		let replacedImporter = false;
		let stayingImporter = false;
		for (const importer of controller.importers) {
			if (replace.has(importer)) {
				replacedImporter = true;
			} else {
				stayingImporter = true;
			}
		}
		return !replacedImporter ? 0 : stayingImporter ? 1 : 2;
	};
	const ranked = [ ...replace ].map(controller => ({ controller, rank: rank(controller) }));
	// Array.prototype.sort is stable: discovery order within a rank.
	ranked.sort((left, right) => left.rank - right.rank);
	return ranked.map(entry => entry.controller);
}

/**
 * The modules that a package imported for a replaced module and that are not running (their file
 * left the graph and came back), read again: Node answers the package's next `import()` of them
 * from its cache, without their facade, so the update brings them in before the module that
 * loads them runs. The failure when one fails to load (reported; its file is watched, and the
 * module that loads it stays pending, so that a fix retries the update).
 */
async function rejoiningOutsideImports(replace: ReadonlySet<HotController>, watch: (controller: HotController) => void): Promise<HotController[] | Failure> {
	const rejoining = new Set<HotController>();
	for (const controller of replace) {
		for (const imported of controller.outsideImports) {
			if (imported.current !== undefined || imported.staged !== undefined || rejoining.has(imported)) {
				continue;
			}
			try {
				await refreshStale(imported);
			} catch (error) {
				logError("loading", imported.url, error);
				watch(imported);
				return { outcome: "load-error", url: imported.url, controller: imported, error };
			}
			rejoining.add(imported);
		}
	}
	return [ ...rejoining ];
}

async function applyPlan(plan: UpdatePlan, progress: UpdateProgress, prunable: HotController[], watch: (controller: HotController) => void): Promise<RoundOutcome> {
	// 1. Link every new instance, and check the importers that stay, before disposing anything.
	const linkStarted = performance.now();
	const staged: HotController[] = [];
	const selectStaged = (controller: HotController): ModuleInstance => {
		if (controller.staged === undefined && controller.current === undefined) {
			staged.push(controller);
			controller.staged = controller.createInstance(controller.pendingVersion ?? controller.version);
		}
		return controller.staged ?? controller.current!;
	};
	for (const controller of plan.replace) {
		controller.staged = controller.createInstance(controller.pendingVersion ?? controller.version);
		staged.push(controller);
	}
	const rejoining = await rejoiningOutsideImports(plan.replace, watch);
	if (!Array.isArray(rejoining)) {
		discardStaged(staged);
		progress.durations.link += performance.now() - linkStarted;
		return { kind: "failed", failure: rejoining };
	}
	const components: ModuleInstance[][] = [];
	const relink = relinkSet(plan.replace);
	let relinking: HotController | undefined;
	let prepared: PreparedRelink[];
	try {
		for (const controller of linkOrder(plan.replace)) {
			link(controller.staged!, selectStaged, components);
		}
		for (const controller of rejoining) {
			link(selectStaged(controller), selectStaged, components);
		}
		prepared = prepareRelink(relink, selectStaged, controller => {
			relinking = controller;
		});
	} catch (error) {
		const failed = relinking ?? linkErrorModule(error)?.controller;
		const url = failed?.url ?? "(unknown module)";
		logError("link", url, error);
		discardStaged(staged);
		progress.durations.link += performance.now() - linkStarted;
		return { kind: "failed", failure: { outcome: "link-error", url, controller: failed, error } };
	}
	await instantiated(components);
	progress.durations.link += performance.now() - linkStarted;

	// 2. Per component, dependencies first: dispose the previous instances, evaluate, commit.
	const previousInstances = new Map<HotController, ModuleInstance>();
	const ordered = evaluationOrder(components);
	for (const [ index, component ] of ordered.entries()) {
		for (const instance of component) {
			const previous = instance.controller.current;
			if (previous !== undefined) {
				try {
					instance.hotState.data = await timed(progress.durations, "dispose",
						() => awaitHandlers("dispose", instance.controller.url, runDisposeHandlers(previous.hotState)));
					settleLeftovers(previous);
				} catch (error) {
					logError("dispose", instance.controller.url, error);
					fatal = true;
					discardStaged(staged);
					return { kind: "failed", failure: { outcome: "dispose-error", url: instance.controller.url, controller: instance.controller, error } };
				}
			}
		}
		// The component is evaluated from the member linking entered it by (the last one it
		// completed), as Evaluate() from the root would enter it.
		const entry = component[component.length - 1];
		try {
			await timed(progress.durations, "evaluate", () => evaluate(entry));
		} catch (error) {
			const failed = (errorOrigin(error) ?? entry).controller;
			logError("evaluation", failed.url, error);
			// What could not be replaced keeps its previous instance; bound to the running
			// instances of what was replaced before the failure, not to their disposed ones.
			const kept: HotController[] = [];
			for (const later of ordered.slice(index)) {
				for (const instance of later) {
					instance.controller.staged = undefined;
					if (instance.controller.current !== undefined) {
						kept.push(instance.controller);
					}
				}
			}
			relinkToRunning([ ...relink.importers, ...kept ], (controller, failure) => logError("link", controller.url, failure));
			return { kind: "failed", failure: { outcome: "evaluation-error", url: failed.url, controller: failed, error } };
		}
		for (const instance of component) {
			const { controller } = instance;
			const previous = controller.current;
			if (previous === undefined || previous.version !== instance.version) {
				progress.loaded.push(controller.url);
			} else {
				progress.reevaluated.push(controller.url);
			}
			if (previous !== undefined) {
				previousInstances.set(controller, previous);
			}
			// Only a module that lost an importer can have lost its path to a root: the
			// dependencies the new instance imports again still have theirs.
			for (const dependency of controller.commit(instance)) {
				if (!dependency.importers.has(controller)) {
					prunable.push(dependency);
				}
			}
			controller.staged = undefined;
			pending.delete(controller);
			watch(controller);
		}
	}

	// 3. Importers that stay see the new bindings (the staged instances they were resolved
	// against are the running ones now).
	bindRelinked(prepared);

	// 4. Accept handlers: self-accepts (of the replaced instances), then accepting importers.
	const acceptStarted = performance.now();
	const passedOn: HotController[] = [];
	const gaveUp: GaveUp[] = [];
	for (const [ controller, previous ] of previousInstances) {
		if (!plan.replace.has(controller) || !previous.hotState.accepts.some(registration => registration.specifiers === undefined)) {
			continue;
		}
		const accepted = await runSelfAcceptHandlers(previous, () => namespaceOf(controller.current!), error => logError("accept", controller.url, error));
		if (accepted) {
			progress.boundaries.add(controller.url);
		} else {
			passedOn.push(controller);
			gaveUp.push({ url: controller.url, invalidated: previous.hotState.invalidated });
		}
	}
	const notAccepted: HotController[] = [];
	for (const [ importer, dependencies ] of plan.boundaries) {
		const accepted = await runAcceptHandlers(importer.current!, dependencies, error => logError("accept", importer.url, error));
		if (accepted) {
			progress.boundaries.add(importer.url);
		} else {
			notAccepted.push(importer);
			gaveUp.push({ url: importer.url, invalidated: importer.current!.hotState.invalidated });
		}
	}
	progress.durations.accept += performance.now() - acceptStarted;
	return { kind: "applied", notAccepted, passedOn, gaveUp };
}

function dropPending(controllers: Iterable<HotController>): void {
	for (const controller of controllers) {
		controller.pendingVersion = undefined;
		pending.delete(controller);
	}
}

/**
 * Runs one update for the files that changed and the modules that invalidated themselves.
 */
export async function performUpdate(changedFiles: Iterable<HotController>, invalidated: Iterable<HotController>, environment: UpdateEnvironment): Promise<void> {
	updating = true;
	try {
		await updateOnce(changedFiles, invalidated, environment);
	} finally {
		updating = false;
		activeProgress = undefined;
	}
}

/** Ends the update: its event, made of what it did, is reported. */
function finish(
	progress: UpdateProgress,
	outcome: UpdateOutcome,
	chain: readonly UpdateChainLink[],
	gaveUp: readonly GaveUp[],
	failure?: Failure,
): void {
	const round = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;
	const { durations } = progress;
	announceUpdate({
		type: "update",
		outcome,
		changed: [ ...progress.changed ].map(controller => controller.url),
		loaded: progress.loaded,
		reevaluated: progress.reevaluated,
		boundaries: [ ...progress.boundaries ],
		chain,
		durationMs: {
			total: round(performance.now() - progress.started),
			// The transform runs while a file is loaded: its time is reported on its own.
			load: round(Math.max(0, durations.load - durations.transform)),
			transform: round(durations.transform),
			link: round(durations.link),
			dispose: round(durations.dispose),
			evaluate: round(durations.evaluate),
			accept: round(durations.accept),
		},
		...failure === undefined ? {} : { error: describeUpdateError(failure.url, failure.error) },
	}, gaveUp);
}

/** The chain of a change that stopped at files that failed to load: those files. */
function loadFailureChain(failures: readonly Failure[]): UpdateChainLink[] {
	return failures.map(({ url }) => ({ url, depth: 0, changed: true, declined: false, outsideImporter: null }));
}

async function updateOnce(changedFiles: Iterable<HotController>, invalidated: Iterable<HotController>, environment: UpdateEnvironment): Promise<void> {
	if (fatal) {
		logFatal();
		return;
	}
	const progress: UpdateProgress = {
		started: performance.now(),
		changed: new Set(),
		loaded: [],
		reevaluated: [],
		boundaries: new Set(),
		durations: { load: 0, transform: 0, link: 0, dispose: 0, evaluate: 0, accept: 0 },
	};
	const loadFailures: Failure[] = [];
	const inGraph = (controller: HotController) => controller.current !== undefined;
	const loadChanged = async (files: Iterable<HotController>) => {
		const changedInGraph = [ ...files ].filter(inGraph);
		for (const controller of changedInGraph) {
			progress.changed.add(controller);
		}
		await loadVersions(changedInGraph, environment, progress, loadFailures);
	};
	await loadChanged(changedFiles);
	// Saves that arrived while the files were loaded (one editor action touching several files)
	// join this update: nothing has been applied yet.
	const takeMore = () => environment.takeChangedFiles?.() ?? [];
	for (let more = takeMore(); more.length > 0; more = takeMore()) {
		await loadChanged(more);
	}
	for (const controller of invalidated) {
		pending.add(controller);
	}
	const seeds = [ ...pending ].filter(controller => controller.current !== undefined);
	if (seeds.length === 0) {
		if (loadFailures.length > 0) {
			finish(progress, "load-error", loadFailureChain(loadFailures), [], loadFailures[0]);
		}
		return;
	}
	for (const controller of seeds) {
		progress.changed.add(controller);
	}
	const changed = new Set(seeds);
	activeProgress = progress;
	const settled = new Set<HotController>();
	const prunable: HotController[] = [];
	let replaceSeeds: HotController[] = seeds;
	let passedOnSeeds: HotController[] = [];
	// Who gave up accepting what the last round applied: the seeds of this round.
	let gaveUp: GaveUp[] = [];
	while (replaceSeeds.length > 0 || passedOnSeeds.length > 0) {
		const plan = planUpdate(replaceSeeds, passedOnSeeds, settled, changed);
		if (plan.declined.length > 0) {
			dropPending(seeds);
			finish(progress, "declined", plan.chain(plan.declined), gaveUp);
			return;
		}
		if (plan.unaccepted) {
			dropPending(seeds);
			finish(progress, "unaccepted", plan.chain(), gaveUp);
			return;
		}
		const outcome = await applyPlan(plan, progress, prunable, environment.watch);
		if (outcome.kind === "failed") {
			const { failure } = outcome;
			finish(progress, failure.outcome, plan.chain(failure.controller === undefined ? [] : [ failure.controller ]), gaveUp, failure);
			return;
		}
		for (const controller of plan.replace) {
			settled.add(controller);
		}
		replaceSeeds = outcome.notAccepted;
		passedOnSeeds = outcome.passedOn;
		gaveUp = outcome.gaveUp;
	}
	let pruneFailure: Failure | undefined;
	const pruned = await pruneUnreachable([ ...prunable, ...environment.takeReleased?.() ?? [] ], {
		unwatch: environment.unwatch,
		failed: (controller, error) => {
			logError("prune", controller.url, error);
			fatal = true;
			pruneFailure ??= { outcome: "dispose-error", url: controller.url, controller: undefined, error };
		},
	});
	if (!pruned) {
		finish(progress, "dispose-error", [], [], pruneFailure);
		return;
	}
	finish(progress, "applied", [], []);
}
