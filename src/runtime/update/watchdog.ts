// An update waits for the application code it runs: the top-level await of a new instance, and
// dispose, accept and prune handlers that return a promise (an update that went on without them
// would run new code next to old code still shutting down). Code that never settles (a server
// whose close() waits for a keep-alive connection, an await of something that never comes) would
// hold the update, and every save after it, silently. So after a few seconds it is reported with
// its module, and, unless a supervisor restarts the app for it (the `dynohot` command), the
// update is given up (docs/semantics.md §6.5): the wait rejects with `UpdateAbandoned`, and the
// update unwinds from there as from an error. The code it waited for goes on by itself; nothing
// of the update follows when it settles.

import type { StuckCode } from "../update-event.js";

/** How long an update waits for application code before it reports it (and gives up). */
export const stuckAfterMs = 5_000;

/** The update was given up while it waited for `waitingFor` of the module at `url`. */
export class UpdateAbandoned extends Error {
	constructor(readonly url: string, readonly waitingFor: StuckCode) {
		super(`dynohot: the update was given up while it waited for the ${waitingFor} of ${url}`);
	}
}

/**
 * Waits for `work`, the `waitingFor` of the module `url()` names (asked when it is stuck). After
 * `stuckAfterMs`, `onStuck` is told (it reports it); when `abandon`, the wait then rejects with
 * `UpdateAbandoned`.
 */
export async function awaitApplicationCode<Result>(
	work: Promise<Result>,
	waitingFor: StuckCode,
	url: () => string,
	abandon: boolean,
	onStuck: (waitingFor: StuckCode, url: string) => void,
): Promise<Result> {
	let timer: NodeJS.Timeout | undefined;
	const stuck = new Promise<never>((_resolve, reject) => {
		// Unref'd: the wait never keeps the process alive by itself.
		timer = setTimeout(() => {
			const stuckURL = url();
			onStuck(waitingFor, stuckURL);
			if (abandon) {
				reject(new UpdateAbandoned(stuckURL, waitingFor));
			}
		}, stuckAfterMs).unref();
	});
	try {
		return await Promise.race([ work, stuck ]);
	} finally {
		clearTimeout(timer);
	}
}
