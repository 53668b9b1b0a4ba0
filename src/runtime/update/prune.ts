// Modules that an update left without a path from a root leave the graph: their dispose and
// prune handlers run and their files are no longer watched. Only modules that lost an importer
// are examined, and reachability is checked upward (stopping at the first root found). A module
// whose handlers throw or do not settle leaves all the same. docs/semantics.md §5.7, §6.4, §6.5.

import type { HotController } from "../model/controller.js";
import { runPruneHandlers } from "../hot/hot.js";
import type { Logger } from "../report/logger.js";
import { settleLeftovers } from "../sentinel/leftovers.js";

function reachesRoot(start: HotController): boolean {
	const seen = new Set<HotController>([ start ]);
	const stack = [ start ];
	while (stack.length > 0) {
		const controller = stack.pop()!;
		if (controller.isRoot) {
			return true;
		}
		for (const importer of controller.importers) {
			if (!seen.has(importer)) {
				seen.add(importer);
				stack.push(importer);
			}
		}
	}
	return false;
}

export interface PruneHooks {
	/** Says what a pruned module left running (../sentinel/leftovers.ts). */
	readonly logger: Logger;
	/** Waits for the prune handlers of the module at `url` (./watchdog.ts). */
	wait(handlers: Promise<void>, url: string): Promise<void>;
	unwatch(controller: HotController): void;
	/** A handler threw `error`, or the wait for it was given up (`UpdateAbandoned`): the module leaves all the same. */
	failed(controller: HotController, error: unknown): void;
}

/** Prunes what is unreachable among `candidates` (and what that leaves unreachable in turn). */
export async function pruneUnreachable(candidates: Iterable<HotController>, hooks: PruneHooks): Promise<void> {
	const work = [ ...candidates ];
	while (work.length > 0) {
		const controller = work.pop()!;
		const running = controller.current;
		if (running === undefined || reachesRoot(controller)) {
			continue;
		}
		try {
			await hooks.wait(runPruneHandlers(running.hotState), controller.url);
			settleLeftovers(running, hooks.logger);
		} catch (error) {
			hooks.failed(controller, error);
		}
		work.push(...controller.detach());
		controller.pendingVersion = undefined;
		controller.stale = true;
		hooks.unwatch(controller);
	}
}
