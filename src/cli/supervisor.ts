// The `dynohot` command's supervisor: the cluster primary. The app runs in a cluster worker, so
// its listening sockets are the primary's, shared with the worker (Node's cluster module does
// that on every version we support). A restart starts a second worker, which listens on the same
// ports while the first still serves; once it is ready, the first is disconnected (its servers
// stop taking connections, its open requests finish) and killed if it has not exited after the
// stop timeout. No connection is refused in between.

import cluster, { type Address, type Worker } from "node:cluster";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { UpdateEvent } from "../runtime/update-event.js";
import { optionVariables, type CommandOptions } from "./arguments.js";
import { isAppMessage, restartOutcomes, supervisedVariable, type AppMessage, type StopMessage } from "./messages.js";
import { waitForNextSave } from "./next-save.js";
import { configurationFiles, OutsideFiles } from "./outside-files.js";

export interface SupervisedRun {
	readonly options: CommandOptions;
	readonly nodeOptions: readonly string[];
	readonly entry: string;
	readonly args: readonly string[];
}

/** One start of the app: a worker and what the supervisor knows of it. */
interface AppProcess {
	readonly worker: Worker;
	/** What it listens on, as `address:port:addressType`. */
	readonly listening: Set<string>;
	entryEvaluated: boolean;
	readonly startedAt: number;
	/** Gives up on the update it is running, or on its start, when that takes too long. */
	stuckTimer: NodeJS.Timeout | undefined;
	/** It was stopped for not getting ready in time. */
	abandoned: boolean;
}

/**
 * A restarted app may take this many times the longest start seen so far before it is given up,
 * when that is longer than `--stuck-timeout`: a large app on a loaded machine (or Node 20, whose
 * hooks run off-thread) can take longer than the timeout to start, and giving up on every restart
 * would leave the old app serving old code for good.
 */
const startAllowanceFactor = 3;

/** How a `file:` URL or a path is named in messages: relative to the working directory. */
function displayPath(location: string): string {
	const path = location.startsWith("file:") ? fileURLToPath(location) : location;
	const shown = relative(process.cwd(), path);
	return shown === "" || shown.startsWith("..") ? path : shown;
}

function changedFiles(event: UpdateEvent): string {
	return event.changed.length === 0 ? "a module that invalidated itself" : event.changed.map(displayPath).join(", ");
}

/** Why the update of `event` (an outcome in `restartOutcomes`) could not be hot. */
function restartReason(event: UpdateEvent): string {
	switch (event.outcome) {
		case "declined": {
			const decliners = event.chain.filter(link => link.declined).map(link => displayPath(link.url));
			return `${changedFiles(event)} changed, and ${decliners.join(", ")} declines updates`;
		}
		case "dispose-error": {
			const file = event.error?.file;
			return `a dispose or prune handler${file === null || file === undefined ? "" : ` of ${displayPath(file)}`} threw: ${event.error?.message ?? "no message"}`;
		}
		default:
			return `${changedFiles(event)} changed, and no module accepts the change`;
	}
}

/** `ms` in seconds as messages show them: `2s`, `4.5s`. */
function seconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))}s`;
}

/** What a worker listens on, as the same listen() in the next app would ask for it. */
function listeningKey({ address, port, addressType }: Address): string {
	return `${address}:${port}:${addressType}`;
}

export class Supervisor {
	private current: AppProcess;
	/** The app being started to replace `current`, and why. */
	private candidate: { readonly app: AppProcess; readonly reason: string } | undefined;
	/** A restart asked for while a candidate was starting: started once that one is settled. */
	private pendingReason: string | undefined;
	/** Stops waiting for a save after a restart failed. */
	private stopWaitingForSave: (() => void) | undefined;
	/** Replaced apps that have not exited yet. */
	private readonly stopping = new Set<Worker>();
	private readonly outsideFiles: OutsideFiles | undefined;
	private shuttingDown = false;
	/** The longest an app took from its start to the end of its entry's evaluation, in ms. */
	private slowestStartMs = 0;

	constructor(private readonly run: SupervisedRun) {
		cluster.setupPrimary({
			exec: run.entry,
			args: [ ...run.args ],
			execArgv: [ ...run.nodeOptions, "--enable-source-maps", "--import", new URL("app-register.js", import.meta.url).href ],
		});
		if (run.options.restart) {
			this.outsideFiles = new OutsideFiles(file => this.requestRestart(`${displayPath(file)} changed, which the app loaded outside the hot graph`));
			this.outsideFiles.add(configurationFiles(run.entry, run.nodeOptions));
		}
		this.current = this.startApp();
		for (const signal of [ "SIGINT", "SIGTERM", "SIGHUP" ] as const) {
			process.on(signal, () => this.shutDown(signal));
		}
	}

	private log(message: string): void {
		if (!this.run.options.silent) {
			console.error(`[hot] ${message}`);
		}
	}

	private startApp(): AppProcess {
		const { options } = this.run;
		const worker = cluster.fork({
			[supervisedVariable]: options.restart ? "1" : "0",
			[optionVariables.silent]: options.silent ? "1" : "0",
			[optionVariables.sentinel]: options.sentinel ? "1" : "0",
			[optionVariables.autoDispose]: options.autoDispose ? "1" : "0",
			[optionVariables.ignore]: options.ignore ?? "",
		});
		const app: AppProcess = { worker, listening: new Set(), entryEvaluated: false, startedAt: performance.now(), stuckTimer: undefined, abandoned: false };
		worker.on("listening", (address: Address) => {
			app.listening.add(listeningKey(address));
			this.checkReady();
		});
		worker.on("message", (message: unknown) => {
			if (isAppMessage(message)) {
				this.receive(app, message);
			}
		});
		worker.on("exit", (code: number | null, signal: NodeJS.Signals | null) => this.exited(app, code, signal));
		// Cluster's answer to an app that died meanwhile cannot be sent (EPIPE): its exit says what matters.
		worker.on("error", () => undefined);
		return app;
	}

	private receive(app: AppProcess, message: AppMessage): void {
		switch (message.type) {
			case "dynohot:entry-evaluated":
				this.outsideFiles?.add(message.commonJsFiles);
				app.entryEvaluated = true;
				this.slowestStartMs = Math.max(this.slowestStartMs, performance.now() - app.startedAt);
				this.checkReady();
				break;
			case "dynohot:update-started":
				if (app === this.current) {
					this.watchUpdate(app, message.changed);
				}
				break;
			case "dynohot:update":
				clearTimeout(app.stuckTimer);
				this.outsideFiles?.add(message.commonJsFiles);
				if (restartOutcomes.has(message.event.outcome)) {
					this.requestRestart(restartReason(message.event));
				}
				break;
		}
	}

	/** An update that does not end (a top-level await or a handler that never settles) becomes a restart. */
	private watchUpdate(app: AppProcess, changed: readonly string[]): void {
		clearTimeout(app.stuckTimer);
		if (!this.run.options.restart) {
			return;
		}
		const seconds = this.run.options.stuckTimeoutSeconds;
		const modules = changed.length === 0 ? "a module" : changed.map(displayPath).join(", ");
		app.stuckTimer = setTimeout(() => {
			this.log(`The update of ${modules} has not finished after ${seconds}s: a top-level await or a handler that never settles. Restarting.`);
			this.requestRestart(`the update of ${modules} did not finish`);
		}, seconds * 1000);
	}

	private requestRestart(reason: string): void {
		if (this.shuttingDown || !this.run.options.restart) {
			return;
		}
		if (this.candidate === undefined) {
			this.stopWaitingForSave?.();
			this.stopWaitingForSave = undefined;
			const app = this.startApp();
			app.stuckTimer = setTimeout(() => {
				app.abandoned = true;
				app.worker.process.kill("SIGKILL");
			}, this.startDeadlineMs());
			this.candidate = { app, reason };
		} else {
			this.pendingReason = reason;
		}
	}

	/** How long a restarted app may take to get ready: `--stuck-timeout`, or more for an app slow to start. */
	private startDeadlineMs(): number {
		return Math.max(this.run.options.stuckTimeoutSeconds * 1000, startAllowanceFactor * this.slowestStartMs);
	}

	/**
	 * The candidate is ready when it listens on every port the running app listens on, and, when
	 * that is none, once its entry has been evaluated.
	 */
	private checkReady(): void {
		if (this.candidate === undefined) {
			return;
		}
		const { app, reason } = this.candidate;
		const listensAll = [ ...this.current.listening ].every(key => app.listening.has(key));
		if (!listensAll || (this.current.listening.size === 0 && !app.entryEvaluated)) {
			return;
		}
		clearTimeout(app.stuckTimer);
		const replaced = this.current;
		clearTimeout(replaced.stuckTimer);
		this.current = app;
		this.candidate = undefined;
		this.log(`Restarted in ${Math.round(performance.now() - app.startedAt)}ms: ${reason}.`);
		this.stop(replaced.worker);
		this.startPending();
	}

	private startPending(): void {
		const reason = this.pendingReason;
		this.pendingReason = undefined;
		if (reason !== undefined) {
			this.requestRestart(reason);
		}
	}

	/** Stops a replaced app gracefully: its servers close once their requests are answered. */
	private stop(worker: Worker): void {
		this.stopping.add(worker);
		const stop: StopMessage = { type: "dynohot:stop" };
		worker.send(stop);
		worker.disconnect();
		const timeout = setTimeout(() => worker.process.kill("SIGKILL"), this.run.options.stopTimeoutSeconds * 1000);
		timeout.unref();
		worker.once("exit", () => clearTimeout(timeout));
	}

	private exited(app: AppProcess, code: number | null, signal: NodeJS.Signals | null): void {
		this.stopping.delete(app.worker);
		if (this.candidate?.app === app) {
			const { reason } = this.candidate;
			this.candidate = undefined;
			if (this.shuttingDown) {
				return;
			}
			const what = app.abandoned
				? `was not ready after ${seconds(this.startDeadlineMs())} and was stopped`
				: `exited ${signal === null ? `with code ${code ?? 0}` : `on ${signal}`} before it was ready`;
			if (this.pendingReason === undefined) {
				this.log(`The restarted app ${what}; the previous app keeps running. Waiting for the next save.`);
				this.stopWaitingForSave = waitForNextSave(process.cwd(), () => this.requestRestart(reason));
			} else {
				// A save made while it was starting may be the fix.
				this.log(`The restarted app ${what}; the previous app keeps running. Trying again with the latest save.`);
				this.startPending();
			}
			return;
		}
		if (app === this.current) {
			// An app that ends by itself (or on a signal) ends the command, with its exit code.
			this.finish(code, signal);
		}
	}

	/** Every app still running: the current one, the one starting, those being stopped. */
	private liveWorkers(): Worker[] {
		const workers = [ this.current.worker, ...this.stopping ];
		if (this.candidate !== undefined) {
			workers.push(this.candidate.app.worker);
		}
		return workers.filter(worker => !worker.isDead());
	}

	private shutDown(signal: NodeJS.Signals): void {
		this.shuttingDown = true;
		for (const worker of this.liveWorkers()) {
			worker.process.kill(signal);
		}
	}

	private finish(code: number | null, signal: NodeJS.Signals | null): void {
		this.shuttingDown = true;
		// None may outlive the command: they would hold its stdout and stderr open.
		for (const worker of this.liveWorkers()) {
			worker.process.kill("SIGTERM");
		}
		void this.outsideFiles?.close();
		this.stopWaitingForSave?.();
		if (signal === null) {
			process.exit(code ?? 0);
		}
		// Ended by a signal, as the app was: whoever started the command sees what they would have without it.
		process.removeAllListeners(signal);
		process.kill(process.pid, signal);
	}
}
