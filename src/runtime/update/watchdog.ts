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

/** A wait in progress: what it waits for, and how to give it up. */
interface Waiting {
	readonly waitingFor: StuckCode;
	readonly url: () => string;
	readonly reject: (reason: UpdateAbandoned) => void;
}

/**
 * Watches the waits of an updater's updates, one at a time (an update waits for one piece of
 * application code after the other). One timer serves every wait, re-armed as each begins: an
 * update waits several times for code that settles at once, and a timer of its own for each
 * wait made updates measurably slower.
 */
export class Watchdog {
	readonly #timer: NodeJS.Timeout;
	#waiting: Waiting | undefined;

	/**
	 * `onStuck` is told of a wait that has lasted `stuckAfterMs` (it reports it); when `abandon`,
	 * the wait then rejects with `UpdateAbandoned`.
	 */
	constructor(readonly abandon: boolean, readonly onStuck: (waitingFor: StuckCode, url: string) => void) {
		// Unref'd: the watchdog never keeps the process alive by itself.
		this.#timer = setTimeout(() => this.#expired(), stuckAfterMs).unref();
	}

	/** Waits for `work`, the `waitingFor` of the module `url()` names (asked when it is stuck). */
	async wait<Result>(work: Promise<Result>, waitingFor: StuckCode, url: () => string): Promise<Result> {
		let waiting: Waiting | undefined;
		const givenUp = new Promise<never>((_resolve, reject) => {
			waiting = { waitingFor, url, reject };
		});
		this.#waiting = waiting;
		this.#timer.refresh();
		try {
			return await Promise.race([ work, givenUp ]);
		} finally {
			if (this.#waiting === waiting) {
				this.#waiting = undefined;
			}
		}
	}

	/** `stuckAfterMs` have passed since the last wait began: if it still waits, it is stuck. */
	#expired(): void {
		const waiting = this.#waiting;
		if (waiting === undefined) {
			return;
		}
		const url = waiting.url();
		this.onStuck(waiting.waitingFor, url);
		if (this.abandon) {
			this.#waiting = undefined;
			waiting.reject(new UpdateAbandoned(url, waiting.waitingFor));
		}
	}
}
