// Driving updates without files: a new version registered through `acquire` (as a reload through
// the hooks registers it) is applied by an update that treats its module as changed.

import { format } from "node:util";
import { setSilent, subscribe } from "../../dist/runtime/report/logger.js";
import { performUpdate } from "../../dist/runtime/update/update.js";

const environment = { watch() {}, unwatch() {} };

// The messages are asserted through a listener; stderr stays quiet.
setSilent(true);

async function collect(run) {
	const messages = [];
	const unsubscribe = subscribe((message, ...params) => messages.push(format(message, ...params)));
	try {
		await run();
	} finally {
		unsubscribe();
	}
	return messages;
}

/** Runs one update of `controllers`; answers the messages it printed (without `[hot] `). */
export function update(...controllers) {
	return collect(() => performUpdate([], controllers, environment));
}

/** Runs one update for files that changed (their next version is read from disk). */
export function updateFiles(...controllers) {
	return collect(() => performUpdate(controllers, [], environment));
}

/** A module body exporting `value` and recording its evaluation, with a Hot API hook. */
export function valueModule(log, name, value, setup = () => {}) {
	return function* (meta, dynamicImport, link) {
		link(() => {}, { value: () => value });
		yield;
		log.push(`${name} ${value}`);
		setup(meta.hot);
	};
}
