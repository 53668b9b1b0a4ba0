// The end of the application: a process the `dynohot` command replaces runs the dispose handlers
// of every running module before it exits, as it would have if each module had been replaced, so
// that what they release (timers, pools, connections) lets the process end by itself and what they
// save is saved. Importers are disposed before what they import — a server module closes its server
// while the database module it uses is still open — and a cycle in any order. Each handler is
// awaited; one that throws is reported and the others still run.

import type { HotController } from "../model/controller.js";
import { runDisposeHandlers } from "../hot/hot.js";
import type { Logger } from "../report/logger.js";

/** Runs the dispose handlers of the running instances of `controllers`, importers first. */
export async function disposeAll(controllers: Iterable<HotController>, logger: Logger): Promise<void> {
	const running = [ ...controllers ].filter(controller => controller.current !== undefined);
	const remaining = new Set(running);
	/** Importers of each module not disposed yet. */
	const waitingFor = new Map(running.map(controller => [ controller, [ ...controller.importers ].filter(importer => remaining.has(importer) && importer !== controller).length ]));
	const ready = running.filter(controller => waitingFor.get(controller) === 0);
	let readyIndex = 0;
	/** Where to look for the first module left, when only cycles remain. */
	let cursor = 0;
	while (remaining.size > 0) {
		let next: HotController | undefined = ready[readyIndex++];
		while (next === undefined && cursor < running.length) {
			const candidate: HotController | undefined = running[cursor++];
			next = candidate !== undefined && remaining.has(candidate) ? candidate : undefined;
		}
		if (next === undefined) {
			break;
		}
		if (!remaining.delete(next)) {
			continue;
		}
		const instance = next.current;
		if (instance === undefined) {
			continue;
		}
		try {
			await runDisposeHandlers(instance.hotState);
		} catch (error) {
			logger.error("dispose", next.url, error);
		}
		for (const dependency of new Set([ ...instance.dependencyControllers(), ...next.outsideImports ])) {
			if (dependency.kind === "hot" && remaining.has(dependency)) {
				const left = (waitingFor.get(dependency) ?? 1) - 1;
				waitingFor.set(dependency, left);
				if (left === 0) {
					ready.push(dependency);
				}
			}
		}
	}
}
