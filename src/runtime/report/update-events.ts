// Where the event of a finished update goes: the `[hot]` line, the DYNOHOT_EVENTS file, and the
// `import.meta.hot.on("update")` / `on("error")` listeners (every update / the failed ones).

import { reportUpdateToSupervisor } from "../../cli/app-channel.js";
import { log, renderUpdate, type GaveUp } from "./logger.js";
import type { UpdateEvent } from "../update-event.js";
import { appendUpdateEvent } from "./update-events-file.js";

export type UpdateEventKind = "update" | "error";
export type UpdateListener = (event: UpdateEvent) => void;

const listeners: Record<UpdateEventKind, Set<UpdateListener>> = { update: new Set(), error: new Set() };

export function subscribeUpdates(kind: UpdateEventKind, listener: UpdateListener): () => void {
	// A wrapper so that one function subscribed twice is two subscriptions.
	const entry: UpdateListener = event => listener(event);
	listeners[kind].add(entry);
	return () => {
		listeners[kind].delete(entry);
	};
}

function deepFreeze<Type>(value: Type): Type {
	if (typeof value === "object" && value !== null) {
		for (const property of Object.values(value)) {
			deepFreeze(property);
		}
		Object.freeze(value);
	}
	return value;
}

/**
 * Reports the update `event` describes. `gaveUp`: the modules that gave up accepting what an
 * earlier round of the update applied (the report says so).
 */
export function announceUpdate(event: UpdateEvent, gaveUp: readonly GaveUp[]): void {
	// Under the `dynohot` command, an update that cannot be hot is a restart, which the supervisor reports.
	if (!reportUpdateToSupervisor(event)) {
		renderUpdate(event, gaveUp);
	}
	appendUpdateEvent(event);
	// Every listener sees the same object: frozen, so that none can change what the next one sees.
	deepFreeze(event);
	const kinds: UpdateEventKind[] = event.outcome === "applied" ? [ "update" ] : [ "update", "error" ];
	for (const kind of kinds) {
		for (const listener of [ ...listeners[kind] ]) {
			try {
				listener(event);
			} catch (error) {
				// A broken listener must not break the update that is being reported.
				log(`An ${kind} listener threw: %O`, error);
			}
		}
	}
}
