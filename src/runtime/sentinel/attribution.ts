// Attribution: what a module instance starts while it is evaluated (its body's synchronous part,
// or until its top-level await settles, asynchronous continuations included) is recorded against
// it. Servers, client sockets, child processes and workers are announced by Node's diagnostics
// channels; timers by an async hook's `init`; listeners by wrapping EventEmitter's methods. The
// channels cost nothing until something is created; the async hook and the wrappers are there
// only while a body runs (src/runtime/model/evaluation-context.ts opens and closes that window):
// an enabled `init` hook makes Node call it for every promise, and the application's own work
// after start-up and between updates must not pay for it.
//
// A listener counts only on an emitter that outlives the instance: `process`, or one made while
// another module (or an earlier instance of this one) was evaluated, a shared bus. Listeners on
// the instance's own server or socket go with them; emitters made outside any evaluation (by a
// package as it loaded) or without EventEmitter's constructor (avvio's, under fastify) are of
// unknown lifetime and not counted, so as not to warn about what is no leak.

import { createHook } from "node:async_hooks";
import type { ChildProcess } from "node:child_process";
import { subscribe } from "node:diagnostics_channel";
import { EventEmitter } from "node:events";
import type { Server, Socket } from "node:net";
import type { Worker } from "node:worker_threads";
import { evaluatingInstance, observeEvaluations, type ModuleInstance } from "../model/instance.js";
import { creationSite } from "./creation-site.js";
import {
	type TrackedResource, childProcessResource, listenerResource, serverResource, socketResource, timerResource, workerResource,
} from "./resource.js";

const resources = new WeakMap<ModuleInstance, TrackedResource[]>();
// The instance during whose evaluation each emitter was made. Weakly: an emitter that lives on
// (`process.stdout`, made when a body first logs) must not keep a replaced instance alive.
const emitterOwners = new WeakMap<object, WeakRef<ModuleInstance>>();

/** What `instance` started while it was evaluated (in creation order). */
export function resourcesOf(instance: ModuleInstance): readonly TrackedResource[] {
	return resources.get(instance) ?? [];
}

function record(instance: ModuleInstance, resource: TrackedResource): void {
	const list = resources.get(instance);
	if (list === undefined) {
		resources.set(instance, [ resource ]);
	} else {
		list.push(resource);
	}
}

const nodeFrames = /^node:/u;
const timerFrames = /^node:(?:internal\/)?(?:timers|async_hooks)$/u;
const emitterFrames = /^node:events$/u;

/** Records what `make` makes of something a channel announced, if a body is being evaluated. */
function announced<Subject>(make: (subject: Subject, site: string) => TrackedResource): (subject: Subject) => void {
	return subject => {
		const instance = evaluatingInstance();
		const site = instance === undefined ? undefined : creationSite(nodeFrames, instance.controller.url);
		if (instance !== undefined && site !== undefined) {
			record(instance, make(subject, site));
		}
	};
}

const timerHook = createHook({
	init(_asyncId, type, _triggerAsyncId, resource) {
		if (type !== "Timeout") {
			return;
		}
		const instance = evaluatingInstance();
		const site = instance === undefined ? undefined : creationSite(timerFrames, instance.controller.url);
		if (instance !== undefined && site !== undefined) {
			record(instance, timerResource(resource as NodeJS.Timeout, site));
		}
	},
});

type Listener = (...args: unknown[]) => void;
type AddListener = (this: EventEmitter, event: string | symbol, listener: Listener) => EventEmitter;
type Init = (this: EventEmitter, ...args: unknown[]) => void;

// What the window replaces, as it found them when it opened (the application may have wrapped
// them too): `EventEmitter.init` (every emitter's constructor calls it), `addListener` and `on`
// (Node's are one function; `once` calls `on`) and `prependListener`.
interface EmitterMethods {
	readonly init: Init;
	readonly addListener: AddListener;
	readonly on: AddListener;
	readonly prependListener: AddListener;
}

const emitterClass = EventEmitter as unknown as { init: Init };
const prototype = EventEmitter.prototype as unknown as { addListener: AddListener; on: AddListener; prependListener: AddListener };
let found: EmitterMethods | undefined;

function noteListener(emitter: EventEmitter, event: string | symbol, listener: Listener): void {
	const instance = evaluatingInstance();
	const owner = emitterOwners.get(emitter);
	if (instance === undefined || (emitter !== process && (owner === undefined || owner.deref() === instance))) {
		return;
	}
	const site = creationSite(emitterFrames, instance.controller.url);
	if (site !== undefined) {
		record(instance, listenerResource(emitter, event, listener, site));
	}
}

const tracking: EmitterMethods = {
	init(...args) {
		const instance = evaluatingInstance();
		if (instance !== undefined) {
			emitterOwners.set(this, new WeakRef(instance));
		}
		found!.init.apply(this, args);
	},
	addListener(event, listener) {
		const result = found!.addListener.call(this, event, listener);
		noteListener(this, event, listener);
		return result;
	},
	on(event, listener) {
		const result = found!.on.call(this, event, listener);
		noteListener(this, event, listener);
		return result;
	},
	prependListener(event, listener) {
		const result = found!.prependListener.call(this, event, listener);
		noteListener(this, event, listener);
		return result;
	},
};

function wrapEmitters(): void {
	found = { init: emitterClass.init, addListener: prototype.addListener, on: prototype.on, prependListener: prototype.prependListener };
	emitterClass.init = tracking.init;
	prototype.addListener = tracking.addListener;
	prototype.on = tracking.on;
	prototype.prependListener = tracking.prependListener;
}

/** Puts back what the window found, where nobody replaced the wrappers since. */
function unwrapEmitters(): void {
	const { init, addListener, on, prependListener } = found!;
	if (emitterClass.init === tracking.init) {
		emitterClass.init = init;
	}
	if (prototype.addListener === tracking.addListener) {
		prototype.addListener = addListener;
	}
	if (prototype.on === tracking.on) {
		prototype.on = on;
	}
	if (prototype.prependListener === tracking.prependListener) {
		prototype.prependListener = prependListener;
	}
}

/** Starts attributing; called once, before any module is evaluated. */
export function startAttribution(): void {
	subscribe("tracing:net.server.listen:asyncStart", announced<{ server: Server }>(({ server }, site) => serverResource(server, site)) as (message: unknown) => void);
	subscribe("net.client.socket", announced<{ socket: Socket }>(({ socket }, site) => socketResource(socket, site)) as (message: unknown) => void);
	subscribe("child_process", announced<{ process: ChildProcess }>(({ process }, site) => childProcessResource(process, site)) as (message: unknown) => void);
	subscribe("worker_threads", announced<{ worker: Worker }>(({ worker }, site) => workerResource(worker, site)) as (message: unknown) => void);
	observeEvaluations({
		opened() {
			timerHook.enable();
			wrapEmitters();
		},
		closed() {
			timerHook.disable();
			unwrapEmitters();
		},
	});
}
