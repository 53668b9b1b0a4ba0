// Driving updates without files: a new version registered through `acquire` (as a reload through
// the hooks registers it) is applied by an update that treats its module as changed. The update
// runs on the runtime object of the graph the modules belong to (./graph.js).

import { format } from "node:util";
import { recorder } from "./graph.js";

const environment = { watch() {}, unwatch() {} };

/** Runs `run` on the runtime of `controllers`; answers the messages it printed (without `[hot] `). */
async function collect(controllers, run) {
	const runtime = controllers[0].host;
	const messages = [];
	const unsubscribe = runtime.logger.subscribe((message, ...params) => messages.push(format(message, ...params)));
	try {
		await run(runtime.updater);
	} finally {
		unsubscribe();
	}
	return messages;
}

/** Runs one update of `controllers`; answers the messages it printed (without `[hot] `). */
export function update(...controllers) {
	return collect(controllers, updater => updater.update([], controllers, environment));
}

/** Runs one update for files that changed (their next version is read from disk). */
export function updateFiles(...controllers) {
	return collect(controllers, updater => updater.update(controllers, [], environment));
}

/**
 * The source of a module exporting `value` and recording its evaluation in the graph's log
 * (`g.values.log`), then running `hot`, source text that uses `import.meta.hot`.
 */
export function valueSource(g, name, value, hot = "") {
	return `export const value = ${JSON.stringify(value)};\n${recorder(g, `${name} ${value}`, [], hot)}`;
}
