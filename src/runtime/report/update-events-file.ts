// `DYNOHOT_EVENTS=<file>`: every update event is appended to the file as one line of JSON, as the
// update ends, so that a tool outside the process (an editor, a test runner, an agent) can follow
// what the updates did. The file is opened for each line; a write that fails is reported once
// and never fails the update.

import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Logger } from "./logger.js";
import type { UpdateEvent } from "../update-event.js";

export class UpdateEventsFile {
	readonly #path: string;
	#failureReported = false;

	constructor(path: string, readonly logger: Logger) {
		// Resolved now: the application may change its working directory later.
		this.#path = resolve(path);
	}

	append(event: UpdateEvent): void {
		try {
			appendFileSync(this.#path, `${JSON.stringify(event)}\n`);
		} catch (error) {
			if (!this.#failureReported) {
				this.#failureReported = true;
				// Said once: the next updates try again (the folder may be created), quietly.
				this.logger.log("Update events cannot be written to %s (DYNOHOT_EVENTS): %s", this.#path, String(error));
			}
		}
	}
}
