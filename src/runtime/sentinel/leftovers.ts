// After the dispose handlers of a replaced or pruned instance ran: what it started while it was
// evaluated (./attribution.ts) and is still running was forgotten by them, unless they handed
// something live to the next instance in `data`. One warning names the module, counts what was
// left and says where each was created; with `autoDispose` they are stopped as well, before the
// new instance runs (a new server can listen on the old one's port).

import { EOL } from "node:os";
import type { ModuleInstance } from "../model/instance.js";
import { displayPath, type Logger } from "../report/logger.js";
import { resourcesOf } from "./attribution.js";
import { type ResourceKind, type TrackedResource, resourceKinds } from "./resource.js";

export interface SentinelOptions {
	/** Warn about what dispose handlers left running. */
	readonly warn: boolean;
	/** Stop what they left running. */
	readonly autoDispose: boolean;
}

let options: SentinelOptions = { warn: false, autoDispose: false };

export function setSentinelOptions(next: SentinelOptions): void {
	options = next;
}

function counted(count: number, kind: ResourceKind): string {
	const plural = kind === "child process" ? "child processes" : `${kind}s`;
	return `${count} ${count === 1 ? kind : plural}`;
}

/** `1 interval, 1 server`: how many of each kind, in the order of `resourceKinds`. */
function summary(left: readonly TrackedResource[]): string {
	return resourceKinds
		.map(kind => [ kind, left.filter(resource => resource.kind === kind).length ] as const)
		.filter(([ , count ]) => count > 0)
		.map(([ kind, count ]) => counted(count, kind))
		.join(", ");
}

/**
 * Whether `value` holds something with behaviour: a function, or an object that is not a plain
 * object or array (a server, a client, a Map of sockets). Plain data (numbers, strings, plain
 * objects and arrays of them) owns nothing that runs. A structure too big to look through counts
 * as holding something.
 */
function holdsLiveObject(value: unknown, budget = { objects: 1000 }, seen = new Set<object>()): boolean {
	if (typeof value === "function") {
		return true;
	}
	if (typeof value !== "object" || value === null) {
		return false;
	}
	// Met before: looked through already, or being looked through (a cycle).
	if (seen.has(value)) {
		return false;
	}
	const prototype: unknown = Object.getPrototypeOf(value);
	if (--budget.objects < 0 || (prototype !== Object.prototype && prototype !== null && !Array.isArray(value))) {
		return true;
	}
	seen.add(value);
	return Object.values(value).some(member => holdsLiveObject(member, budget, seen));
}

/** Called once the dispose (or prune) handlers of `instance` have run. */
export function settleLeftovers(instance: ModuleInstance, logger: Logger): void {
	if (!options.warn && !options.autoDispose) {
		return;
	}
	// What it started may live on inside what it handed over (a client's socket, in a private
	// field where no walk finds it): not the sentinel's to report or stop.
	if (holdsLiveObject(instance.hotState.disposedData)) {
		return;
	}
	const left = resourcesOf(instance).filter(resource => resource.isActive());
	if (left.length === 0) {
		return;
	}
	if (options.autoDispose) {
		for (const resource of left) {
			try {
				resource.stop();
			} catch (error) {
				// What could not be stopped must not stop the update that replaces its module.
				logger.log("Could not stop the %s created at %s: %O", resource.kind, resource.site, error);
			}
		}
	}
	if (!options.warn) {
		return;
	}
	const outcome = options.autoDispose ? "stopped them (autoDispose)" : "they keep running (autoDispose: true would stop them)";
	const lines = left.map(() => `${EOL}  %s created at %s`);
	logger.log(`%s left %s running after its dispose handlers; ${outcome}:${lines.join("")}`,
		displayPath(instance.controller.url), summary(left),
		...left.flatMap(resource => [ resource.detail === "" ? resource.kind : `${resource.kind} ${resource.detail}`, resource.site ]));
}
