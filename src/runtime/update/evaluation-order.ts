// The order in which an update evaluates the components it linked. Linking yields them
// dependencies first along static imports. A module evaluated again also imports again what its
// running instance reached through `import()`, and what code outside the hot graph imported for
// it (a route loader's files): the new instance cannot name those before it runs, and Node answers
// the loader's `import()` from its cache without asking. So they count as its dependencies too,
// and their new versions are committed before it runs: it reads them, not the versions they replace.

import type { HotController } from "../model/controller.js";
import type { ModuleInstance } from "../model/instance.js";

/** What `instance` will import when it runs, besides its static requests. */
function* importsAtRun(instance: ModuleInstance): Generator<HotController> {
	const { controller } = instance;
	for (const controllers of controller.current?.dynamicImports.values() ?? []) {
		for (const dependency of controllers) {
			if (dependency.kind === "hot") {
				yield dependency;
			}
		}
	}
	yield* controller.outsideImports;
}

/**
 * `components` (strongly connected components in the order linking completed them), reordered so that
 * each comes after the components it imports, statically or when it runs; otherwise as given. A
 * cycle through imports made at run time is entered where the given order reaches it first.
 */
export function evaluationOrder(components: readonly (readonly ModuleInstance[])[]): (readonly ModuleInstance[])[] {
	const unitOf = new Map<HotController, number>();
	for (const [ index, component ] of components.entries()) {
		for (const instance of component) {
			unitOf.set(instance.controller, index);
		}
	}
	const prerequisites = components.map((component, index) => {
		const before = new Set<number>();
		const add = (controller: HotController) => {
			const other = unitOf.get(controller);
			if (other !== undefined && other !== index) {
				before.add(other);
			}
		};
		for (const instance of component) {
			for (const record of instance.dependencies ?? []) {
				if (record.kind === "instance") {
					add(record.controller);
				}
			}
			for (const dependency of importsAtRun(instance)) {
				add(dependency);
			}
		}
		return [ ...before ].sort((left, right) => left - right);
	});
	// Depth-first, prerequisites before each component, without recursion (a chain of components can be
	// as long as a chain of imports).
	const order: (readonly ModuleInstance[])[] = [];
	// A component is entered once: a prerequisite that is entered but not done closes a cycle.
	const entered = new Set<number>();
	for (let start = 0; start < components.length; ++start) {
		if (entered.has(start)) {
			continue;
		}
		const stack = [ { index: start, next: 0 } ];
		entered.add(start);
		while (stack.length > 0) {
			const frame = stack[stack.length - 1];
			const before = prerequisites[frame.index];
			if (frame.next < before.length) {
				const other = before[frame.next++];
				if (!entered.has(other)) {
					entered.add(other);
					stack.push({ index: other, next: 0 });
				}
				continue;
			}
			stack.pop();
			order.push(components[frame.index]);
		}
	}
	return order;
}
