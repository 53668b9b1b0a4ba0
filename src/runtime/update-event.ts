// What one update did, as it is reported: the `[hot]` line is rendered from it, `DYNOHOT_EVENTS`
// appends it to a file as one line of JSON, and `import.meta.hot.on("update")` (`on("error")` for
// the failed ones) delivers it. Plain data, the same for every consumer: what a listener receives
// is what the file holds.

/**
 * How the update ended. `applied`: every change reached an accepting boundary. `unaccepted`: a
 * change reached a root without one. `declined`: it would have had to pass through a module that
 * declines updates. `load-error`: no changed file could be loaded (a syntax error, say).
 * `link-error`: an importer wants a name the new version does not export. `evaluation-error`: a
 * new version threw while it was evaluated. `dispose-error`: a dispose or prune handler threw; the
 * process should be restarted (docs/semantics.md §6.4). `refused`: the update would have replaced a
 * module whose dispose handler threw earlier (`refused` names them). `stuck`: the update waited
 * too long for a top-level await or a handler, and was given up (`stuck` says which; §6.5).
 * Nothing but `applied` and the part of the update before an evaluation error, a dispose error
 * or where it got stuck is applied.
 */
export type UpdateOutcome = "applied" | "unaccepted" | "declined" | "load-error" | "link-error" | "evaluation-error" | "dispose-error" | "refused" | "stuck";

/** What a stuck update waited for. */
export type StuckCode = "top-level await" | "dispose handler" | "accept handler" | "prune handler";

/** One module on the path of a change that was not applied, in the order of a depth-first walk. */
export interface UpdateChainLink {
	readonly url: string;
	/** Importers walked from the changed module it was reached from (0: a changed module). */
	readonly depth: number;
	/** Its file changed (or it called `invalidate()`). */
	readonly changed: boolean;
	/** It declines updates, and the change would have had to pass through it. */
	readonly declined: boolean;
	/** The URL of the module outside the hot graph that imported it (which made it a root); `null` when there is none. */
	readonly outsideImporter: string | null;
}

/** Milliseconds per phase; 0 for a phase the update did not reach. */
export interface UpdateDurations {
	readonly total: number;
	/** Reading the changed files and resolving their imports, without the transform. */
	readonly load: number;
	readonly transform: number;
	readonly link: number;
	/** Dispose handlers. */
	readonly dispose: number;
	readonly evaluate: number;
	/** Accept handlers. */
	readonly accept: number;
}

/** The error that ended an update; what is not known is `null`. */
export interface UpdateError {
	/** The error's `name` (`null` when something other than an Error was thrown). */
	readonly name: string | null;
	readonly message: string;
	/** The URL of the module the error arose in. */
	readonly file: string | null;
	/** 1-based, in the module's own source. */
	readonly line: number | null;
	/** 1-based. */
	readonly column: number | null;
	/** The lines around a syntax error, with a marker. */
	readonly codeFrame: string | null;
}

export interface UpdateEvent {
	readonly type: "update";
	readonly outcome: UpdateOutcome;
	/** URLs of the modules whose files changed, or which called `invalidate()`. */
	readonly changed: readonly string[];
	/** URLs of the modules a new version of was evaluated (or which joined the graph). */
	readonly loaded: readonly string[];
	/** URLs of the modules evaluated again at the same version (importers between a change and a boundary). */
	readonly reevaluated: readonly string[];
	/** URLs of the modules whose accept handlers took the change. */
	readonly boundaries: readonly string[];
	/** For an update that was not applied: the paths from the changed modules to where the change stopped. */
	readonly chain: readonly UpdateChainLink[];
	readonly durationMs: UpdateDurations;
	/** Present when an error ended the update. */
	readonly error?: UpdateError;
	/** Present for a `refused` update: the URLs of the modules it would have replaced, whose dispose handler threw earlier. */
	readonly refused?: readonly string[];
	/** Present for a `stuck` update: the module whose code it waited for, and what that code was. */
	readonly stuck?: { readonly url: string; readonly waitingFor: StuckCode };
}
