// Evaluate() and InnerModuleEvaluation() (ECMAScript 16.2.1.5.3), with top-level await:
// ExecuteAsyncModule, GatherAvailableAncestors, AsyncModuleExecutionFulfilled/Rejected.
// Evaluation errors are kept on the cycle root and rethrown to every later importer.

import { type ModuleInstance, newPromiseCapability } from "../model/instance.js";

let asyncEvaluationCount = 0;

/** `module.Evaluate()`: a promise settled when the module and its dependencies have evaluated. */
export function evaluate(start: ModuleInstance): Promise<void> {
	let module = start;
	if (module.status === "evaluating-async" || module.status === "evaluated") {
		module = module.cycleRoot ?? module;
	}
	if (module.topLevelCapability !== undefined) {
		return module.topLevelCapability.promise;
	}
	const stack: ModuleInstance[] = [];
	const capability = newPromiseCapability();
	module.topLevelCapability = capability;
	try {
		innerModuleEvaluation(module, stack);
		if (module.asyncEvaluationOrder === undefined || module.asyncEvaluationOrder === "done") {
			capability.resolve();
		}
	} catch (error) {
		for (const member of stack) {
			member.status = "evaluated";
			member.hasEvaluationError = true;
			member.evaluationError = error;
		}
		capability.reject(error);
	}
	return capability.promise;
}

/** What InnerModuleEvaluation does with a dependency once it has been visited. */
function afterDependency(module: ModuleInstance, visited: ModuleInstance): void {
	let required = visited;
	if (required.status === "evaluating") {
		module.dfsAncestorIndex = Math.min(module.dfsAncestorIndex, required.dfsAncestorIndex);
	} else {
		required = required.cycleRoot!;
		if (required.hasEvaluationError) {
			throw required.evaluationError;
		}
	}
	if (typeof required.asyncEvaluationOrder === "number") {
		++module.pendingAsyncDependencies;
		required.asyncParentModules.push(module);
	}
}

/** The steps of InnerModuleEvaluation after every dependency was visited. */
function finishModule(module: ModuleInstance, stack: ModuleInstance[]): void {
	if (module.pendingAsyncDependencies > 0 || module.hasTLA) {
		module.asyncEvaluationOrder = ++asyncEvaluationCount;
		if (module.pendingAsyncDependencies === 0) {
			executeAsyncModule(module);
		}
	} else {
		module.executeSync();
	}
	if (module.dfsAncestorIndex === module.dfsIndex) {
		let member: ModuleInstance;
		do {
			member = stack.pop()!;
			member.status = typeof member.asyncEvaluationOrder === "number" ? "evaluating-async" : "evaluated";
			member.cycleRoot = module;
		} while (member !== module);
	}
}

interface EvaluationFrame {
	readonly module: ModuleInstance;
	/** The next dependency to visit. */
	next: number;
}

/**
 * InnerModuleEvaluation with an explicit stack instead of recursion, so that a chain of imports
 * as deep as the engine itself evaluates does not overflow the JavaScript stack.
 */
function innerModuleEvaluation(start: ModuleInstance, stack: ModuleInstance[]): void {
	let index = 0;
	const frames: EvaluationFrame[] = [];
	// Answers whether `module` needs a visit (it was entered); otherwise it is visited already.
	const enter = (module: ModuleInstance): boolean => {
		if (module.status === "evaluating-async" || module.status === "evaluated") {
			if (module.hasEvaluationError) {
				throw module.evaluationError;
			}
			return false;
		}
		if (module.status === "evaluating") {
			return false;
		}
		if (module.status !== "linked") {
			throw new Error(`dynohot: ${module.controller.url} is evaluated before it was linked`);
		}
		module.status = "evaluating";
		module.dfsIndex = index;
		module.dfsAncestorIndex = index;
		module.pendingAsyncDependencies = 0;
		++index;
		stack.push(module);
		frames.push({ module, next: 0 });
		return true;
	};
	enter(start);
	while (frames.length > 0) {
		const frame = frames[frames.length - 1];
		const dependencies = frame.module.dependencies!;
		if (frame.next < dependencies.length) {
			const required = dependencies[frame.next++];
			if (required.kind === "instance" && !enter(required)) {
				afterDependency(frame.module, required);
			}
			continue;
		}
		frames.pop();
		finishModule(frame.module, stack);
		const parent = frames[frames.length - 1];
		if (parent !== undefined) {
			afterDependency(parent.module, frame.module);
		}
	}
}

function executeAsyncModule(module: ModuleInstance): void {
	const capability = newPromiseCapability();
	capability.promise.then(
		() => asyncModuleExecutionFulfilled(module),
		(error: unknown) => asyncModuleExecutionRejected(module, error));
	module.executeAsync(capability);
}

/** GatherAvailableAncestors, without recursion (the order does not matter: the list is sorted). */
function gatherAvailableAncestors(start: ModuleInstance, execList: ModuleInstance[]): void {
	const gathered = new Set<ModuleInstance>();
	const work = [ start ];
	while (work.length > 0) {
		const module = work.pop()!;
		for (const parent of module.asyncParentModules) {
			if (!gathered.has(parent) && !parent.cycleRoot!.hasEvaluationError) {
				if (--parent.pendingAsyncDependencies === 0) {
					gathered.add(parent);
					execList.push(parent);
					if (!parent.hasTLA) {
						work.push(parent);
					}
				}
			}
		}
	}
}

function asyncModuleExecutionFulfilled(module: ModuleInstance): void {
	if (module.status === "evaluated") {
		// Already rejected through another dependency.
		return;
	}
	module.asyncEvaluationOrder = "done";
	module.status = "evaluated";
	module.topLevelCapability?.resolve();
	const execList: ModuleInstance[] = [];
	gatherAvailableAncestors(module, execList);
	execList.sort((left, right) => (left.asyncEvaluationOrder as number) - (right.asyncEvaluationOrder as number));
	for (const ready of execList) {
		if (ready.status === "evaluated") {
			continue;
		}
		if (ready.hasTLA) {
			executeAsyncModule(ready);
		} else {
			try {
				ready.executeSync();
			} catch (error) {
				asyncModuleExecutionRejected(ready, error);
				continue;
			}
			ready.asyncEvaluationOrder = "done";
			ready.status = "evaluated";
			ready.topLevelCapability?.resolve();
		}
	}
}

/** AsyncModuleExecutionRejected, without recursion: parents in the order the specification visits them. */
function asyncModuleExecutionRejected(start: ModuleInstance, error: unknown): void {
	const work = [ start ];
	while (work.length > 0) {
		const module = work.pop()!;
		if (module.status === "evaluated") {
			continue;
		}
		module.hasEvaluationError = true;
		module.evaluationError = error;
		module.status = "evaluated";
		module.asyncEvaluationOrder = "done";
		for (let index = module.asyncParentModules.length - 1; index >= 0; --index) {
			work.push(module.asyncParentModules[index]);
		}
		module.topLevelCapability?.reject(error);
	}
}
