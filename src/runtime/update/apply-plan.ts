// Applying one round of an update's plan (docs/semantics.md §5.3–5.5), in named phases:
//
//   link      every new instance is staged and linked, and the staying importers are resolved
//             against the staged instances, before anything is disposed (a link error changes nothing)
//   replace   per strongly connected component, dependencies first:
//               dispose  the previous instances' dispose handlers run
//               evaluate the component's new instances run
//               commit   they become the running instances
//   relink    the staying importers are bound to the committed instances
//   accept    self-accept handlers of the replaced modules, then the accepting importers' handlers
//
// A dispose handler that throws, or application code that does not settle (./watchdog.ts), ends
// the round where it happened, as an evaluation error does: what was committed stays, the rest
// keeps its running instances. Pruning follows the last round (./updater.ts).

import { runSelfAcceptHandlers, runAcceptHandlers } from "./accept.js";
import type { HotController } from "../model/controller.js";
import { evaluate } from "../ecma/evaluate.js";
import { evaluationOrder } from "./evaluation-order.js";
import { runDisposeHandlers } from "../hot/hot.js";
import { settleLeftovers } from "../sentinel/leftovers.js";
import { errorOrigin, type ModuleInstance } from "../model/instance.js";
import { link, linkErrorModule } from "../ecma/link.js";
import { instantiated, refreshStale } from "../load/load-graph.js";
import type { GaveUp, Logger } from "../report/logger.js";
import { namespaceOf } from "../ecma/namespace.js";
import { bindRelinked, prepareRelink, relinkSet, relinkToRunning, type PreparedRelink, type RelinkSet } from "./relink.js";
import type { StuckCode } from "../update-event.js";
import { timed, type Failure, type UpdateProgress } from "./update-progress.js";
import type { UpdatePlan } from "./update-plan.js";
import { UpdateAbandoned } from "./watchdog.js";

/** What a round needs from the update it belongs to. */
export interface RoundContext {
	readonly progress: UpdateProgress;
	readonly logger: Logger;
	/** Modules that lost an importer: pruned after the last round when nothing reaches them. */
	readonly prunable: HotController[];
	watch(controller: HotController): void;
	/** The new instance of `controller` runs: its change is no longer pending. */
	committed(controller: HotController): void;
	/**
	 * Waits for `work`, application code of the module `url()` names (asked when the code is
	 * reported as stuck); rejects with `UpdateAbandoned` when the update is given up (./watchdog.ts).
	 */
	wait<Result>(work: Promise<Result>, waitingFor: StuckCode, url: () => string): Promise<Result>;
}

export type RoundOutcome =
	| {
		readonly kind: "applied";
		/** Boundaries whose accept handlers did not accept: the next round replaces them. */
		readonly notAccepted: HotController[];
		/** Replaced modules whose self-accept handlers did not accept: the next round passes the change on to their importers. */
		readonly passedOn: HotController[];
		readonly gaveUp: GaveUp[];
	}
	| { readonly kind: "failed"; readonly failure: Failure };

function stuckAt(abandoned: UpdateAbandoned, controller: HotController | undefined): Failure {
	return { outcome: "stuck", url: abandoned.url, controller, error: abandoned };
}

/** What the link phase staged and resolved. */
interface Linked {
	/** The new instances by strongly connected component, in the order linking completed them. */
	readonly components: readonly (readonly ModuleInstance[])[];
	readonly relink: RelinkSet;
	readonly prepared: readonly PreparedRelink[];
}

export async function applyPlan(plan: UpdatePlan, context: RoundContext): Promise<RoundOutcome> {
	const linked = await timed(context.progress.durations, "link", () => linkPhase(plan, context));
	if ("outcome" in linked) {
		return { kind: "failed", failure: linked };
	}
	const replaced = await replacePhase(linked, context);
	if ("outcome" in replaced) {
		return { kind: "failed", failure: replaced };
	}
	bindRelinked(linked.prepared);
	return await timed(context.progress.durations, "accept", () => acceptPhase(plan, replaced, context));
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
async function rejoiningOutsideImports(replace: ReadonlySet<HotController>, context: RoundContext): Promise<HotController[] | Failure> {
	const rejoining = new Set<HotController>();
	for (const controller of replace) {
		for (const imported of controller.outsideImports) {
			if (imported.current !== undefined || imported.staged !== undefined || rejoining.has(imported)) {
				continue;
			}
			try {
				await refreshStale(imported);
			} catch (error) {
				context.logger.error("loading", imported.url, error);
				context.watch(imported);
				return { outcome: "load-error", url: imported.url, controller: imported, error };
			}
			rejoining.add(imported);
		}
	}
	return [ ...rejoining ];
}

/** Stages and links every new instance, and resolves the staying importers against them; nothing is disposed yet. */
async function linkPhase(plan: UpdatePlan, context: RoundContext): Promise<Linked | Failure> {
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
	const rejoining = await rejoiningOutsideImports(plan.replace, context);
	if (!Array.isArray(rejoining)) {
		discardStaged(staged);
		return rejoining;
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
		context.logger.error("link", url, error);
		discardStaged(staged);
		return { outcome: "link-error", url, controller: failed, error };
	}
	await instantiated(components);
	return { components, relink, prepared };
}

/** The instances the replace phase committed over, by controller. */
type Replaced = Map<HotController, ModuleInstance>;

/** Per component, dependencies first: dispose the previous instances, evaluate, commit. */
async function replacePhase(linked: Linked, context: RoundContext): Promise<Replaced | Failure> {
	const previousInstances: Replaced = new Map();
	const ordered = evaluationOrder(linked.components);
	for (const [ index, component ] of ordered.entries()) {
		const failure = await disposePrevious(component, context) ?? await evaluateComponent(component, context);
		if (failure !== undefined) {
			keepPreviousInstances(ordered.slice(index), linked.relink, context);
			return failure;
		}
		commit(component, previousInstances, context);
	}
	return previousInstances;
}

/** Runs the dispose handlers of the instances `component` replaces; their data goes to the new instances. */
async function disposePrevious(component: readonly ModuleInstance[], context: RoundContext): Promise<Failure | undefined> {
	for (const instance of component) {
		const previous = instance.controller.current;
		if (previous === undefined) {
			continue;
		}
		const { controller } = instance;
		try {
			instance.hotState.data = await timed(context.progress.durations, "dispose",
				() => context.wait(runDisposeHandlers(previous.hotState), "dispose handler", () => controller.url));
			settleLeftovers(previous, context.logger);
		} catch (error) {
			if (error instanceof UpdateAbandoned) {
				return stuckAt(error, controller);
			}
			context.logger.error("dispose", controller.url, error);
			return { outcome: "dispose-error", url: controller.url, controller, error };
		}
	}
	return undefined;
}

async function evaluateComponent(component: readonly ModuleInstance[], context: RoundContext): Promise<Failure | undefined> {
	// The component is evaluated from the member linking entered it by (the last one it
	// completed), as Evaluate() from the root would enter it.
	const entry = component[component.length - 1];
	try {
		await timed(context.progress.durations, "evaluate",
			() => context.wait(evaluate(entry), "top-level await", () => awaitedMember(component).controller.url));
		return undefined;
	} catch (error) {
		if (error instanceof UpdateAbandoned) {
			for (const instance of component) {
				instance.abandonEvaluation();
			}
			return stuckAt(error, awaitedMember(component).controller);
		}
		const failed = (errorOrigin(error) ?? entry).controller;
		context.logger.error("evaluation", failed.url, error);
		return { outcome: "evaluation-error", url: failed.url, controller: failed, error };
	}
}

/**
 * The member of a component whose evaluation does not settle: one whose own top-level await runs
 * (nothing it waits for is left); the component's entry when none is.
 */
function awaitedMember(component: readonly ModuleInstance[]): ModuleInstance {
	return component.find(instance => instance.hasTLA && instance.status === "evaluating-async" && instance.pendingAsyncDependencies === 0)
		?? component[component.length - 1];
}

/**
 * An evaluation failed in the first of `notCommitted` (or a dispose handler of it, or it did not settle): what could not be replaced keeps its
 * previous instance, bound to the running instances of what was replaced before the failure,
 * not to their disposed ones.
 */
function keepPreviousInstances(notCommitted: readonly (readonly ModuleInstance[])[], relink: RelinkSet, context: RoundContext): void {
	const kept: HotController[] = [];
	for (const component of notCommitted) {
		for (const instance of component) {
			instance.controller.staged = undefined;
			if (instance.controller.current !== undefined) {
				kept.push(instance.controller);
			}
		}
	}
	relinkToRunning([ ...relink.importers, ...kept ], (controller, failure) => context.logger.error("link", controller.url, failure));
}

/** The evaluated instances of `component` become the running ones. */
function commit(component: readonly ModuleInstance[], previousInstances: Replaced, context: RoundContext): void {
	for (const instance of component) {
		const { controller } = instance;
		const previous = controller.current;
		if (previous === undefined || previous.version !== instance.version) {
			context.progress.loaded.push(controller.url);
		} else {
			context.progress.reevaluated.push(controller.url);
		}
		if (previous !== undefined) {
			previousInstances.set(controller, previous);
		}
		// Only a module that lost an importer can have lost its path to a root: the
		// dependencies the new instance imports again still have theirs.
		for (const dependency of controller.commit(instance)) {
			if (!dependency.importers.has(controller)) {
				context.prunable.push(dependency);
			}
		}
		controller.staged = undefined;
		context.committed(controller);
		context.watch(controller);
	}
}

/** Self-accept handlers of the replaced instances, then the handlers of the accepting importers. */
async function acceptPhase(plan: UpdatePlan, previousInstances: Replaced, context: RoundContext): Promise<RoundOutcome> {
	try {
		return await runAccepts(plan, previousInstances, context);
	} catch (error) {
		if (error instanceof UpdateAbandoned) {
			const controller = [ ...previousInstances.keys(), ...plan.boundaries.keys() ].find(candidate => candidate.url === error.url);
			return { kind: "failed", failure: stuckAt(error, controller) };
		}
		throw error;
	}
}

async function runAccepts(plan: UpdatePlan, previousInstances: Replaced, context: RoundContext): Promise<RoundOutcome> {
	const { progress, logger } = context;
	const passedOn: HotController[] = [];
	const gaveUp: GaveUp[] = [];
	for (const [ controller, previous ] of previousInstances) {
		if (!plan.replace.has(controller) || !previous.hotState.accepts.some(registration => registration.specifiers === undefined)) {
			continue;
		}
		const accepted = await context.wait(
			runSelfAcceptHandlers(previous, () => namespaceOf(controller.current!), error => logger.error("accept", controller.url, error)),
			"accept handler", () => controller.url);
		if (accepted) {
			progress.boundaries.add(controller.url);
		} else {
			passedOn.push(controller);
			gaveUp.push({ url: controller.url, invalidated: previous.hotState.invalidated });
		}
	}
	const notAccepted: HotController[] = [];
	for (const [ importer, dependencies ] of plan.boundaries) {
		const accepted = await context.wait(
			runAcceptHandlers(importer.current!, dependencies, error => logger.error("accept", importer.url, error)),
			"accept handler", () => importer.url);
		if (accepted) {
			progress.boundaries.add(importer.url);
		} else {
			notAccepted.push(importer);
			gaveUp.push({ url: importer.url, invalidated: importer.current!.hotState.invalidated });
		}
	}
	return { kind: "applied", notAccepted, passedOn, gaveUp };
}
