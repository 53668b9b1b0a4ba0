// The updates of one runtime (docs/semantics.md §5): load the changed files, plan the replacement
// by walking up from them (./update-plan.ts), apply the plan (./apply-plan.ts: link every new
// instance before anything is disposed, then dispose, evaluate and commit per component, relink
// the importers that stay, run the accept handlers). A handler that does not accept sends the
// change on in another round. Then what left the graph is pruned. The update ends in one event
// (what it did, how long each phase took, what stopped it), which is how it is reported.
//
// The `Updater` holds what lasts from one update to the next: the changes not applied yet, and
// the modules whose dispose handler threw, which no later update replaces (§6.4). An update that
// waits too long for application code is reported, and given up unless a supervisor restarts
// the app for it (./watchdog.ts, §6.5).

import { applyPlan, type RoundContext } from "./apply-plan.js";
import type { HotController } from "../model/controller.js";
import { loadNextVersion } from "../load/load-version.js";
import type { GaveUp, Logger } from "../report/logger.js";
import { pruneUnreachable } from "./prune.js";
import { loadFailureChain, startProgress, timed, updateEventOf, type Failure, type UpdateProgress } from "./update-progress.js";
import type { UpdateChainLink, UpdateOutcome } from "../update-event.js";
import type { UpdateEvents } from "../report/update-events.js";
import { planUpdate } from "./update-plan.js";
import type { ModuleInstance } from "../model/instance.js";
import type { ModuleVersion } from "../model/version.js";
import { stuckAfterMs, UpdateAbandoned, Watchdog } from "./watchdog.js";

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

export class Updater {
	// Changes not applied yet: new versions whose update failed to link or evaluate, and modules
	// that asked to be re-evaluated. The next update retries them.
	readonly #pending = new Set<HotController>();
	// Running instances whose dispose handler threw: partly disposed, and an update that would
	// replace them is refused. (A module that left the graph and came back has a new instance.)
	readonly #broken = new WeakSet<ModuleInstance>();
	// The running update: modules an accept handler brings in through `import()` are loaded by it too.
	#running: UpdateProgress | undefined;
	#updating = false;
	// Application code an update waits for that does not settle (./watchdog.ts).
	readonly #watchdog: Watchdog;

	/**
	 * `supervised`: the `dynohot` command restarts the app when an update cannot be hot or does
	 * not end, so a stuck update is waited for and a handler failure needs no advice.
	 */
	constructor(readonly logger: Logger, readonly events: UpdateEvents, readonly supervised: boolean) {
		// Given up for the next change when it does not settle, unless supervised.
		this.#watchdog = new Watchdog(!supervised, (code, url) => logger.stuck(code, url, stuckAfterMs / 1000, !supervised));
	}

	/**
	 * A change arrived while an update runs: an update stuck in application code is given up, so
	 * that the change applies from the last good state rather than wait behind it.
	 */
	giveUpIfStuck(): void {
		const abandoned = this.#watchdog.giveUpStuck();
		if (abandoned !== undefined) {
			this.logger.stuckGivenUp(abandoned.waitingFor, abandoned.url);
		}
	}

	/** Whether an update is running (handlers calling `invalidate()` then cancel their acceptance). */
	get updating(): boolean {
		return this.#updating;
	}

	/** These modules joined the graph outside the update's own plan (through `import()`). */
	noteLoadedModules(urls: readonly string[]): void {
		this.#running?.loaded.push(...urls);
	}

	/** Runs one update for the files that changed and the modules that invalidated themselves. */
	async update(changedFiles: Iterable<HotController>, invalidated: Iterable<HotController>, environment: UpdateEnvironment): Promise<void> {
		this.#updating = true;
		try {
			await this.#updateOnce(changedFiles, invalidated, environment);
		} finally {
			this.#updating = false;
			this.#running = undefined;
		}
	}

	async #updateOnce(changedFiles: Iterable<HotController>, invalidated: Iterable<HotController>, environment: UpdateEnvironment): Promise<void> {
		const progress = startProgress();
		const loadFailures = await this.#loadChanged(changedFiles, environment, progress);
		for (const controller of invalidated) {
			this.#pending.add(controller);
		}
		const seeds = [ ...this.#pending ].filter(controller => controller.current !== undefined);
		if (seeds.length === 0) {
			if (loadFailures.length > 0) {
				this.#finish(progress, "load-error", loadFailureChain(loadFailures), [], loadFailures[0]);
			}
			return;
		}
		for (const controller of seeds) {
			progress.changed.add(controller);
		}
		this.#running = progress;
		const context: RoundContext = {
			progress,
			logger: this.logger,
			prunable: [],
			watch: environment.watch,
			committed: controller => this.#pending.delete(controller),
			wait: (work, waitingFor, url) => this.#watchdog.wait(work, waitingFor, url),
		};
		if (await this.#applyRounds(seeds, context)) {
			await this.#prune(context.prunable, environment, progress);
		}
	}

	/**
	 * Loads the changed files that are in the graph, and the files saved while they load (one
	 * editor action touching several files joins one update: nothing has been applied yet).
	 * Answers the loads that failed.
	 */
	async #loadChanged(changedFiles: Iterable<HotController>, environment: UpdateEnvironment, progress: UpdateProgress): Promise<Failure[]> {
		const failures: Failure[] = [];
		const load = async (files: Iterable<HotController>) => {
			const changedInGraph = [ ...files ].filter(controller => controller.current !== undefined);
			for (const controller of changedInGraph) {
				progress.changed.add(controller);
			}
			await this.#loadVersions(changedInGraph, environment, progress, failures);
		};
		await load(changedFiles);
		const takeMore = () => environment.takeChangedFiles?.() ?? [];
		for (let more = takeMore(); more.length > 0; more = takeMore()) {
			await load(more);
		}
		return failures;
	}

	/** The modules that the hooks answer for requests of the new versions, loaded if stale. */
	async #loadVersions(changed: Iterable<HotController>, environment: UpdateEnvironment, progress: UpdateProgress, failures: Failure[]): Promise<void> {
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
				this.logger.error("loading", controller.url, error);
				failures.push({ outcome: "load-error", url: controller.url, controller, error });
				controller.pendingVersion = undefined;
				this.#pending.delete(controller);
				environment.loadFailed?.(controller, error);
				continue;
			}
			environment.loaded?.(controller);
			controller.pendingVersion = version;
			controller.stale = false;
			this.#pending.add(controller);
			// A file that was pruned and is imported again may have changed while nobody watched it.
			for (let index = 0; index < version.metadata.requests.length; ++index) {
				const dependency = version.controllerOf(index);
				if (dependency.kind === "hot" && dependency.current === undefined && dependency.stale) {
					work.push(dependency);
				}
			}
		}
	}

	/**
	 * Plans and applies rounds until the change is accepted everywhere. Answers whether it was;
	 * otherwise the update ended (and was reported).
	 */
	async #applyRounds(seeds: readonly HotController[], context: RoundContext): Promise<boolean> {
		const { progress } = context;
		const changed = new Set(seeds);
		const settled = new Set<HotController>();
		let replaceSeeds: readonly HotController[] = seeds;
		let passedOnSeeds: readonly HotController[] = [];
		// Who gave up accepting what the last round applied: the seeds of this round.
		let gaveUp: GaveUp[] = [];
		while (replaceSeeds.length > 0 || passedOnSeeds.length > 0) {
			const plan = planUpdate(replaceSeeds, passedOnSeeds, settled, changed);
			if (plan.declined.length > 0) {
				this.#dropPending(seeds);
				this.#finish(progress, "declined", plan.chain(plan.declined), gaveUp);
				return false;
			}
			if (plan.unaccepted) {
				this.#dropPending(seeds);
				this.#finish(progress, "unaccepted", plan.chain(), gaveUp);
				return false;
			}
			const refused = [ ...plan.replace ].filter(controller => controller.current !== undefined && this.#broken.has(controller.current));
			if (refused.length > 0) {
				this.#dropPending(seeds);
				this.#finish(progress, "refused", plan.chain(refused), gaveUp, undefined, refused);
				return false;
			}
			const outcome = await applyPlan(plan, context);
			if (outcome.kind === "failed") {
				const { failure } = outcome;
				if (failure.outcome === "dispose-error" || failure.outcome === "stuck") {
					// The update is given up where it stopped: what it did not apply would only stop
					// the next one at the same place (docs/semantics.md §6.4, §6.5).
					this.#dropPending(seeds);
				}
				if (failure.outcome === "dispose-error" && failure.controller?.current !== undefined) {
					this.#broken.add(failure.controller.current);
					this.#adviseRestart("dispose", failure.controller.url);
				}
				this.#finish(progress, failure.outcome, plan.chain(failure.controller === undefined ? [] : [ failure.controller ]), gaveUp, failure);
				return false;
			}
			for (const controller of plan.replace) {
				settled.add(controller);
			}
			replaceSeeds = outcome.notAccepted;
			passedOnSeeds = outcome.passedOn;
			gaveUp = outcome.gaveUp;
		}
		return true;
	}

	/**
	 * Prunes what the update (or a loader outside it) left without a path from a root; the update
	 * ends. A module whose prune handler throws or does not settle leaves all the same.
	 */
	async #prune(prunable: readonly HotController[], environment: UpdateEnvironment, progress: UpdateProgress): Promise<void> {
		let pruneFailure: Failure | undefined;
		await pruneUnreachable([ ...prunable, ...environment.takeReleased?.() ?? [] ], {
			logger: this.logger,
			wait: (handlers, url) => this.#watchdog.wait(handlers, "prune handler", () => url),
			unwatch: environment.unwatch,
			failed: (controller, error) => {
				if (error instanceof UpdateAbandoned) {
					pruneFailure ??= { outcome: "stuck", url: controller.url, controller: undefined, error };
					return;
				}
				this.logger.error("prune", controller.url, error);
				this.#adviseRestart("prune", controller.url);
				pruneFailure ??= { outcome: "dispose-error", url: controller.url, controller: undefined, error };
			},
		});
		if (pruneFailure !== undefined) {
			this.#finish(progress, pruneFailure.outcome, [], [], pruneFailure);
			return;
		}
		this.#finish(progress, "applied", [], []);
	}

	/** A handler of `url` threw: outside the command, the logger says that the process should be restarted. */
	#adviseRestart(phase: "dispose" | "prune", url: string): void {
		if (!this.supervised) {
			this.logger.handlerFailed(phase, url);
		}
	}

	#dropPending(controllers: Iterable<HotController>): void {
		for (const controller of controllers) {
			controller.pendingVersion = undefined;
			this.#pending.delete(controller);
		}
	}

	/** Ends the update: its event, made of what it did, is reported. */
	#finish(
		progress: UpdateProgress,
		outcome: UpdateOutcome,
		chain: readonly UpdateChainLink[],
		gaveUp: readonly GaveUp[],
		failure?: Failure,
		refused?: readonly HotController[],
	): void {
		this.events.announce(updateEventOf(progress, outcome, chain, failure, refused), gaveUp);
	}
}
