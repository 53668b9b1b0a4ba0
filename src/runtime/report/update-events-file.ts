// `DYNOHOT_EVENTS=<file>`: every update event is appended to the file as one line of JSON, as the
// update ends, so that a tool outside the process (an editor, a test runner, an agent) can follow
// what the updates did. The file is opened for each line; a write that fails is reported once
// and never fails the update.

import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { log } from "./logger.js";
import type { UpdateEvent } from "../update-event.js";

// Resolved now: the application may change its working directory later.
const eventsFile = process.env["DYNOHOT_EVENTS"] ? resolve(process.env["DYNOHOT_EVENTS"]) : undefined;
let failureReported = false;

export function appendUpdateEvent(event: UpdateEvent): void {
	if (eventsFile === undefined) {
		return;
	}
	try {
		appendFileSync(eventsFile, `${JSON.stringify(event)}\n`);
	} catch (error) {
		if (!failureReported) {
			failureReported = true;
			// Said once: the next updates try again (the folder may be created), quietly.
			log("Update events cannot be written to %s (DYNOHOT_EVENTS): %s", eventsFile, String(error));
		}
	}
}
