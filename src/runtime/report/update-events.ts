// Where the event of a finished update goes: the `[hot]` line, the DYNOHOT_EVENTS file, and the
// `import.meta.hot.on("update")` / `on("error")` listeners (every update / the failed ones).

import { reportUpdateToSupervisor } from "../../cli/app-channel.js";
import type { GaveUp, Logger } from "./logger.js";
import type { UpdateEvent } from "../update-event.js";
import type { UpdateEventsFile } from "./update-events-file.js";

export type UpdateEventKind = "update" | "error";
export type UpdateListener = (event: UpdateEvent) => void;

function deepFreeze<Type>(value: Type): Type {
	if (typeof value === "object" && value !== null) {
		for (const property of Object.values(value)) {
			deepFreeze(property);
		}
		Object.freeze(value);
	}
	return value;
}

export class UpdateEvents {
	readonly #listeners: Record<UpdateEventKind, Set<UpdateListener>> = { update: new Set(), error: new Set() };

	constructor(readonly logger: Logger, readonly file: UpdateEventsFile | undefined) {}

	subscribe(kind: UpdateEventKind, listener: UpdateListener): () => void {
		// A wrapper so that one function subscribed twice is two subscriptions.
		const entry: UpdateListener = event => listener(event);
		this.#listeners[kind].add(entry);
		return () => {
			this.#listeners[kind].delete(entry);
		};
	}

	/**
	 * Reports the update `event` describes. `gaveUp`: the modules that gave up accepting what an
	 * earlier round of the update applied (the report says so).
	 */
	announce(event: UpdateEvent, gaveUp: readonly GaveUp[]): void {
		// Under the `dynohot` command, an update that cannot be hot is a restart, which the supervisor reports.
		if (!reportUpdateToSupervisor(event)) {
			this.logger.renderUpdate(event, gaveUp);
		}
		this.file?.append(event);
		// Every listener sees the same object: frozen, so that none can change what the next one sees.
		deepFreeze(event);
		const kinds: UpdateEventKind[] = event.outcome === "applied" ? [ "update" ] : [ "update", "error" ];
		for (const kind of kinds) {
			for (const listener of [ ...this.#listeners[kind] ]) {
				try {
					listener(event);
				} catch (error) {
					// A broken listener must not break the update that is being reported.
					this.logger.log(`An ${kind} listener threw: %O`, error);
				}
			}
		}
	}
}
