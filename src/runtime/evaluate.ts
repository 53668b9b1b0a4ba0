// Evaluate() and InnerModuleEvaluation() (ECMAScript 16.2.1.5.3), with top-level await:
// ExecuteAsyncModule, GatherAvailableAncestors, AsyncModuleExecutionFulfilled/Rejected.
// Evaluation errors are kept on the cycle root and rethrown to every later importer.

import { type ModuleInstance, newPromiseCapability } from "./instance.js";
import type { ModuleRecord } from "./module-record.js";

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
		innerModuleEvaluation(module, stack, 0);
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

function innerModuleEvaluation(module: ModuleRecord, stack: ModuleInstance[], index: number): number {
	if (module.kind === "adapter") {
		return index;
	}
	if (module.status === "evaluating-async" || module.status === "evaluated") {
		if (module.hasEvaluationError) {
			throw module.evaluationError;
		}
		return index;
	}
	if (module.status === "evaluating") {
		return index;
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
	for (let required of module.dependencies!) {
		index = innerModuleEvaluation(required, stack, index);
		if (required.kind === "instance") {
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
	}
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
	return index;
}

function executeAsyncModule(module: ModuleInstance): void {
	const capability = newPromiseCapability();
	capability.promise.then(
		() => asyncModuleExecutionFulfilled(module),
		(error: unknown) => asyncModuleExecutionRejected(module, error));
	module.executeAsync(capability);
}

function gatherAvailableAncestors(module: ModuleInstance, execList: ModuleInstance[]): void {
	for (const parent of module.asyncParentModules) {
		if (!execList.includes(parent) && !parent.cycleRoot!.hasEvaluationError) {
			if (--parent.pendingAsyncDependencies === 0) {
				execList.push(parent);
				if (!parent.hasTLA) {
					gatherAvailableAncestors(parent, execList);
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

function asyncModuleExecutionRejected(module: ModuleInstance, error: unknown): void {
	if (module.status === "evaluated") {
		return;
	}
	module.hasEvaluationError = true;
	module.evaluationError = error;
	module.status = "evaluated";
	module.asyncEvaluationOrder = "done";
	for (const parent of module.asyncParentModules) {
		asyncModuleExecutionRejected(parent, error);
	}
	module.topLevelCapability?.reject(error);
}
