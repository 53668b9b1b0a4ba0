// What the sentinel keeps of each thing a module instance started while it was evaluated: what it
// is, where it was created, whether it is still running, and how to stop it (`autoDispose`).

import type { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";
import type { Server, Socket } from "node:net";
import type { Worker } from "node:worker_threads";

/** In the order a warning lists them. */
export const resourceKinds = [ "interval", "timeout", "server", "socket", "child process", "worker", "listener" ] as const;

export type ResourceKind = typeof resourceKinds[number];

export interface TrackedResource {
	readonly kind: ResourceKind;
	/** Where it was created: `file:line` of the code that created it. */
	readonly site: string;
	/** What it is beyond its kind (a listener's event and emitter), or "". */
	readonly detail: string;
	isActive(): boolean;
	stop(): void;
}

// Node's own fields of a Timeout: no public API says whether a timer is still pending (one that
// fired or was cleared is `_destroyed`) or repeats.
interface NodeTimeout {
	readonly _destroyed: boolean;
	readonly _repeat: number | null;
}

export function timerResource(timer: NodeJS.Timeout, site: string): TrackedResource {
	const internals = timer as unknown as NodeTimeout;
	return {
		kind: internals._repeat === null ? "timeout" : "interval",
		site,
		detail: "",
		isActive: () => !internals._destroyed,
		stop: () => clearTimeout(timer),
	};
}

export function serverResource(server: Server, site: string): TrackedResource {
	return {
		kind: "server",
		site,
		detail: "",
		isActive: () => server.listening,
		stop: () => {
			server.close();
			// An HTTP server's open connections would keep the old code serving (Node 18.2+).
			(server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
		},
	};
}

export function socketResource(socket: Socket, site: string): TrackedResource {
	return { kind: "socket", site, detail: "", isActive: () => !socket.destroyed, stop: () => socket.destroy() };
}

export function childProcessResource(child: ChildProcess, site: string): TrackedResource {
	return {
		kind: "child process",
		site,
		detail: "",
		isActive: () => child.exitCode === null && child.signalCode === null,
		stop: () => {
			child.kill();
		},
	};
}

export function workerResource(worker: Worker, site: string): TrackedResource {
	return {
		kind: "worker",
		site,
		detail: "",
		// -1 once the thread has stopped (documented).
		isActive: () => worker.threadId !== -1,
		stop: () => {
			// Its exit code is of no interest here; a failure to stop is not the update's.
			worker.terminate().catch(() => {});
		},
	};
}

export function listenerResource(emitter: EventEmitter, event: string | symbol, listener: (...args: unknown[]) => void, site: string): TrackedResource {
	const name = emitter === process ? "process" : (emitter.constructor as { name?: string } | undefined)?.name ?? "an emitter";
	return {
		kind: "listener",
		site,
		detail: `"${String(event)}" on ${name}`,
		isActive: () => emitter.rawListeners(event).includes(listener),
		stop: () => {
			emitter.removeListener(event, listener);
		},
	};
}
