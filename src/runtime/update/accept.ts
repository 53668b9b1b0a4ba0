// Reading the acceptance a running instance registered through its Hot API: which changes stop
// at it, and running its accept handlers (docs/semantics.md §5.2, §5.3).

import type { HotController, ModuleController } from "../model/controller.js";
import type { ModuleInstance } from "../model/instance.js";
import { recordOf } from "../ecma/link.js";
import { namespaceOf } from "../ecma/namespace.js";

/** The controllers a specifier (as written in the module) stands for: requests and `import()`s. */
function controllersOf(instance: ModuleInstance, specifier: string): ModuleController[] {
	const controllers: ModuleController[] = [];
	const { requests } = instance.version.metadata;
	for (let index = 0; index < requests.length; ++index) {
		if (requests[index].specifier === specifier) {
			controllers.push(instance.version.controllerOf(index));
		}
	}
	const dynamic = instance.dynamicImports.get(specifier);
	if (dynamic !== undefined) {
		controllers.push(...dynamic);
	}
	return controllers;
}

export function selfAccepts(instance: ModuleInstance): boolean {
	const state = instance.hotState;
	return !state.invalidated && state.accepts.some(registration => registration.specifiers === undefined);
}

/** Whether `instance` accepts updates of its dependency `dependency`. */
export function acceptsDependency(instance: ModuleInstance, dependency: HotController): boolean {
	const state = instance.hotState;
	return !state.invalidated && state.accepts.some(registration =>
		registration.specifiers?.some(specifier => controllersOf(instance, specifier).includes(dependency)) === true);
}

function namespaceFor(instance: ModuleInstance, specifier: string): object | undefined {
	const controller = controllersOf(instance, specifier)[0];
	return controller === undefined ? undefined : namespaceOf(recordOf(controller, hot => hot.current!));
}

export type HandlerFailure = (error: unknown) => void;

/**
 * Runs the handlers of `instance` registered for any of `changed` (registration order). Answers
 * whether the instance still accepts: no handler threw and it did not invalidate itself.
 */
export async function runAcceptHandlers(instance: ModuleInstance, changed: ReadonlySet<HotController>, onFailure: HandlerFailure): Promise<boolean> {
	for (const registration of instance.hotState.accepts) {
		const { specifiers, callback } = registration;
		if (specifiers === undefined || callback === undefined) {
			continue;
		}
		const covers = specifiers.some(specifier =>
			controllersOf(instance, specifier).some(controller => controller.kind === "hot" && changed.has(controller)));
		if (!covers) {
			continue;
		}
		try {
			const argument = registration.array
				? specifiers.map(specifier => namespaceFor(instance, specifier))
				: namespaceFor(instance, specifiers[0]);
			await (callback as (namespace: unknown) => unknown)(argument);
		} catch (error) {
			onFailure(error);
			return false;
		}
	}
	return !instance.hotState.invalidated;
}

/** Runs the self-accept handlers of the replaced instance with the new namespace. */
export async function runSelfAcceptHandlers(previous: ModuleInstance, namespace: () => object, onFailure: HandlerFailure): Promise<boolean> {
	for (const registration of previous.hotState.accepts) {
		if (registration.specifiers === undefined && registration.callback !== undefined) {
			try {
				await (registration.callback as (namespace: unknown) => unknown)(namespace());
			} catch (error) {
				onFailure(error);
				return false;
			}
		}
	}
	return !previous.hotState.invalidated;
}
