// What an app under the `dynohot` command and its supervisor tell each other over the cluster IPC
// channel.

import type { UpdateEvent } from "../runtime/update-event.js";

/** Set by the supervisor in the app's environment: updates that cannot be hot are its to restart. */
export const supervisedVariable = "DYNOHOT_SUPERVISED";

/** An update ended (any outcome). `commonJsFiles`: what the app has loaded outside the hot graph so far. */
export interface UpdateMessage {
	readonly type: "dynohot:update";
	readonly event: UpdateEvent;
	readonly commonJsFiles: readonly string[];
}

/** An update has begun: `changed`, the URLs of the modules it is for. */
export interface UpdateStartedMessage {
	readonly type: "dynohot:update-started";
	readonly changed: readonly string[];
}

/** The entry module has finished evaluating (its top-level await included). */
export interface EntryEvaluatedMessage {
	readonly type: "dynohot:entry-evaluated";
	readonly commonJsFiles: readonly string[];
}

export type AppMessage = UpdateStartedMessage | UpdateMessage | EntryEvaluatedMessage;

export function isAppMessage(message: unknown): message is AppMessage {
	if (typeof message !== "object" || message === null || !("type" in message)) {
		return false;
	}
	return message.type === "dynohot:update-started" || message.type === "dynohot:update" || message.type === "dynohot:entry-evaluated";
}

/** From the supervisor, right before it disconnects a replaced app (./graceful-stop.ts). */
export interface StopMessage {
	readonly type: "dynohot:stop";
}

export function isStopMessage(message: unknown): message is StopMessage {
	return typeof message === "object" && message !== null && "type" in message && message.type === "dynohot:stop";
}

/** Outcomes no later save can apply hot: the app must start again. */
export const restartOutcomes: ReadonlySet<UpdateEvent["outcome"]> = new Set([ "unaccepted", "declined", "dispose-error" ]);
