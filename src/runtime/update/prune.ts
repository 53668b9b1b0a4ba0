// Modules that an update left without a path from a root leave the graph: their dispose and
// prune handlers run and their files are no longer watched. Only modules that lost an importer
// are examined, and reachability is checked upward (stopping at the first root found).
// docs/semantics.md §5.7.

import type { HotController } from "../model/controller.js";
import { runPruneHandlers } from "../hot/hot.js";
import type { Logger } from "../report/logger.js";
import { settleLeftovers } from "../sentinel/leftovers.js";
import { awaitHandlers } from "./slow-handler.js";

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
	/** Says when a prune handler is slow. */
	readonly logger: Logger;
	unwatch(controller: HotController): void;
	/** A handler threw: answers nothing, the caller records the fatal state. */
	failed(controller: HotController, error: unknown): void;
}

/** Prunes what is unreachable among `candidates` (and what that leaves unreachable in turn). */
export async function pruneUnreachable(candidates: Iterable<HotController>, hooks: PruneHooks): Promise<boolean> {
	const work = [ ...candidates ];
	while (work.length > 0) {
		const controller = work.pop()!;
		const running = controller.current;
		if (running === undefined || reachesRoot(controller)) {
			continue;
		}
		try {
			await awaitHandlers(hooks.logger, "prune", controller.url, runPruneHandlers(running.hotState));
			settleLeftovers(running, hooks.logger);
		} catch (error) {
			hooks.failed(controller, error);
			return false;
		}
		work.push(...controller.detach());
		controller.pendingVersion = undefined;
		controller.stale = true;
		hooks.unwatch(controller);
	}
	return true;
}
