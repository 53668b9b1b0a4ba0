// Deciding what an update replaces: walk up the importer edges from the changed modules until
// every path reaches a boundary (a self-accepting module, or an importer accepting that
// dependency). Only the changed paths are visited. Acceptance is read from the running instances.
// docs/semantics.md §5.2, §6.1, §6.2.

import { acceptsDependency, selfAccepts } from "./accept.js";
import type { HotController } from "../model/controller.js";
import type { UpdateChainLink } from "../update-event.js";

export interface UpdatePlan {
	/** Modules to re-evaluate, in discovery order. */
	readonly replace: ReadonlySet<HotController>;
	/** Importers that stay and accept some replaced dependencies: importer → those dependencies. */
	readonly boundaries: ReadonlyMap<HotController, ReadonlySet<HotController>>;
	/** Declining modules the change would have to travel through. */
	readonly declined: readonly HotController[];
	/** The change reached a root (or a module it cannot replace again) without a boundary. */
	readonly unaccepted: boolean;
	/**
	 * The paths from the changed modules to `ends` (default: where the change got stuck without a
	 * boundary), for the report; a module the walk did not reach has none.
	 */
	chain(ends?: Iterable<HotController>): UpdateChainLink[];
}

/**
 * `replaceSeeds` changed (new code or invalidated) and must be replaced; `passedOnSeeds` were
 * replaced already and their importers must handle it. `settled` modules were replaced earlier
 * in the same update and cannot be replaced again.
 */
export function planUpdate(
	replaceSeeds: Iterable<HotController>,
	passedOnSeeds: Iterable<HotController>,
	settled: ReadonlySet<HotController>,
	changed: ReadonlySet<HotController>,
): UpdatePlan {
	const replace = new Set<HotController>();
	const boundaries = new Map<HotController, Set<HotController>>();
	const declined: HotController[] = [];
	// Who reached each module first, for the tree of the unaccepted paths.
	const reachedFrom = new Map<HotController, HotController | undefined>();
	const unacceptedEnds = new Set<HotController>();
	const passingOn: HotController[] = [];

	const replaceModule = (controller: HotController, from: HotController | undefined) => {
		if (replace.has(controller)) {
			return;
		}
		reachedFrom.set(controller, from);
		if (settled.has(controller)) {
			unacceptedEnds.add(controller);
			return;
		}
		replace.add(controller);
		const running = controller.current;
		if (running !== undefined && selfAccepts(running)) {
			return;
		}
		if (running?.hotState.declined === true) {
			declined.push(controller);
		}
		passingOn.push(controller);
	};
	for (const controller of replaceSeeds) {
		replaceModule(controller, undefined);
	}
	for (const controller of passedOnSeeds) {
		reachedFrom.set(controller, undefined);
		passingOn.push(controller);
	}
	while (passingOn.length > 0) {
		const controller = passingOn.pop()!;
		if (controller.isRoot || controller.importers.size === 0) {
			unacceptedEnds.add(controller);
		}
		for (const importer of controller.importers) {
			if (replace.has(importer)) {
				continue;
			}
			if (acceptsDependency(importer.current!, controller)) {
				let accepted = boundaries.get(importer);
				if (accepted === undefined) {
					accepted = new Set();
					boundaries.set(importer, accepted);
				}
				accepted.add(controller);
			} else {
				replaceModule(importer, controller);
			}
		}
	}
	// A boundary that is replaced through another path is re-evaluated, not relinked.
	for (const importer of boundaries.keys()) {
		if (replace.has(importer)) {
			boundaries.delete(importer);
		}
	}
	return {
		replace,
		boundaries,
		declined,
		unaccepted: unacceptedEnds.size > 0,
		chain: (ends = unacceptedEnds) => chainTo(reachedFrom, ends, changed, new Set(declined)),
	};
}

/** The paths from the changed modules up to `ends`, as a depth-first walk of the tree they form. */
function chainTo(
	reachedFrom: ReadonlyMap<HotController, HotController | undefined>,
	ends: Iterable<HotController>,
	changed: ReadonlySet<HotController>,
	declined: ReadonlySet<HotController>,
): UpdateChainLink[] {
	// Keep only the modules on a path to one of the ends.
	const onPath = new Set<HotController>();
	for (const end of ends) {
		if (!reachedFrom.has(end)) {
			continue;
		}
		for (let node: HotController | undefined = end; node !== undefined && !onPath.has(node); node = reachedFrom.get(node)) {
			onPath.add(node);
		}
	}
	const children = new Map<HotController | undefined, HotController[]>();
	for (const node of onPath) {
		const parent = reachedFrom.get(node);
		let list = children.get(parent);
		if (list === undefined) {
			list = [];
			children.set(parent, list);
		}
		list.push(node);
	}
	const lines: UpdateChainLink[] = [];
	const emit = (node: HotController, depth: number) => {
		lines.push({
			url: node.url,
			depth,
			changed: changed.has(node),
			declined: declined.has(node),
			outsideImporter: node.isRoot ? node.outsideImporter ?? null : null,
		});
		for (const child of children.get(node) ?? []) {
			emit(child, depth + 1);
		}
	};
	for (const seed of children.get(undefined) ?? []) {
		emit(seed, 0);
	}
	return lines;
}
