// An update waits for the application code it runs: the top-level await of a new instance, and
// dispose, accept and prune handlers that return a promise (an update that went on without them
// would run new code next to old code still shutting down). Code that never settles (a server
// whose close() waits for a keep-alive connection, an await of something that never comes) would
// hold the update, and every save after it, silently. So after a few seconds it is reported with
// its module. Code that is only slow (a server draining a long request before it closes) settles
// later, and the update then goes on. Unless a supervisor restarts the app for it (the `dynohot`
// command), the next change gives a stuck update up (docs/semantics.md §6.5): the wait rejects
// with `UpdateAbandoned`, the update unwinds from there as from an error, and the change applies
// from the last good state. The code it waited for goes on by itself; nothing of the given-up
// update follows when it settles.

import type { StuckCode } from "../update-event.js";

/** How long an update waits for application code before it reports it as stuck. */
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

/** A wait that outlasted `stuckAfterMs`, with the module it waits for. */
interface StuckWait {
	readonly waiting: Waiting;
	readonly url: string;
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
	#stuck: StuckWait | undefined;

	/**
	 * `onStuck` is told of a wait that has lasted `stuckAfterMs` (it reports it); when `abandon`,
	 * `giveUpStuck()` then makes it reject with `UpdateAbandoned`.
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
			if (this.#stuck?.waiting === waiting) {
				this.#stuck = undefined;
			}
		}
	}

	/**
	 * A newer change is waiting: a wait reported stuck is given up, and the update waiting rejects
	 * with `UpdateAbandoned`. Answers what it waited for, or undefined when no wait is stuck.
	 */
	giveUpStuck(): UpdateAbandoned | undefined {
		const stuck = this.#stuck;
		if (stuck === undefined) {
			return undefined;
		}
		this.#stuck = undefined;
		this.#waiting = undefined;
		const abandoned = new UpdateAbandoned(stuck.url, stuck.waiting.waitingFor);
		stuck.waiting.reject(abandoned);
		return abandoned;
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
			this.#stuck = { waiting, url };
		}
	}
}
