// What a running update has done so far (changed, loaded and re-evaluated modules, boundaries,
// the time of each phase), and the one event it ends in (../update-event.ts), made of it.

import type { HotController } from "../model/controller.js";
import { describeUpdateError } from "../report/update-error.js";
import type { UpdateChainLink, UpdateDurations, UpdateEvent, UpdateOutcome } from "../update-event.js";
import { UpdateAbandoned } from "./watchdog.js";

export type PhaseDurations = { -readonly [Phase in Exclude<keyof UpdateDurations, "total">]: number };

export interface UpdateProgress {
	readonly started: number;
	readonly changed: Set<HotController>;
	readonly loaded: string[];
	readonly reevaluated: string[];
	readonly boundaries: Set<string>;
	readonly durations: PhaseDurations;
}

export function startProgress(): UpdateProgress {
	return {
		started: performance.now(),
		changed: new Set(),
		loaded: [],
		reevaluated: [],
		boundaries: new Set(),
		durations: { load: 0, transform: 0, link: 0, dispose: 0, evaluate: 0, accept: 0 },
	};
}

/** Runs `work`, adding the time it takes to the update's `phase`. */
export async function timed<Result>(durations: PhaseDurations, phase: keyof PhaseDurations, work: () => Promise<Result>): Promise<Result> {
	const started = performance.now();
	try {
		return await work();
	} finally {
		durations[phase] += performance.now() - started;
	}
}

/** An error that ended the update (or the wait it was given up in: `UpdateAbandoned`), and the module it arose in. */
export interface Failure {
	readonly outcome: Extract<UpdateOutcome, `${string}-error` | "stuck">;
	readonly url: string;
	/** The module as the update's plan knows it, for the path the change took to it. */
	readonly controller: HotController | undefined;
	readonly error: unknown;
}

/** What ended the update, as its event says it. */
function failureFields(failure: Failure | undefined): Pick<UpdateEvent, "error" | "stuck"> {
	if (failure === undefined) {
		return {};
	}
	const { error } = failure;
	return error instanceof UpdateAbandoned
		? { stuck: { url: error.url, waitingFor: error.waitingFor } }
		: { error: describeUpdateError(failure.url, error) };
}

/**
 * The event of an update that ended with `outcome`, made of what it did. `refused`: the modules
 * whose failed dispose handler refused it.
 */
export function updateEventOf(
	progress: UpdateProgress,
	outcome: UpdateOutcome,
	chain: readonly UpdateChainLink[],
	failure?: Failure,
	refused?: readonly HotController[],
): UpdateEvent {
	const round = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;
	const { durations } = progress;
	return {
		type: "update",
		outcome,
		changed: [ ...progress.changed ].map(controller => controller.url),
		loaded: progress.loaded,
		reevaluated: progress.reevaluated,
		boundaries: [ ...progress.boundaries ],
		chain,
		durationMs: {
			total: round(performance.now() - progress.started),
			// The transform runs while a file is loaded: its time is reported on its own.
			load: round(Math.max(0, durations.load - durations.transform)),
			transform: round(durations.transform),
			link: round(durations.link),
			dispose: round(durations.dispose),
			evaluate: round(durations.evaluate),
			accept: round(durations.accept),
		},
		...failureFields(failure),
		...refused === undefined ? {} : { refused: refused.map(controller => controller.url) },
	};
}

/** The chain of a change that stopped at files that failed to load: those files. */
export function loadFailureChain(failures: readonly Failure[]): UpdateChainLink[] {
	return failures.map(({ url }) => ({ url, depth: 0, changed: true, declined: false, outsideImporter: null }));
}
