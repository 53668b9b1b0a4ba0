// A running application under test: a child node process whose output is collected line by line.
import { spawn } from "node:child_process";
import { defaultTimeout } from "./environment.js";

/** @typedef {"stdout" | "stderr"} Stream */

/** Applications still running, stopped when the test process exits whatever happened. */
const running = new Set();
process.once("exit", () => {
	for (const child of running) {
		child.kill("SIGKILL");
	}
});

export class App {
	/**
	 * @param {string} command
	 * @param {string[]} args
	 * @param {{ cwd: string, env: NodeJS.ProcessEnv, stdin?: "ignore" | "pipe" }} options `stdin: "pipe"`:
	 *   the test writes to the application's stdin (`app.child.stdin`)
	 */
	constructor(command, args, { stdin = "ignore", ...options }) {
		this.commandLine = [ command, ...args ].join(" ");
		/** @type {Record<Stream, string[]>} every complete line printed so far */
		this.lines = { stdout: [], stderr: [] };
		/** @type {Record<Stream, number>} index of the first line `waitFor` has not consumed */
		this.cursor = { stdout: 0, stderr: 0 };
		/** @type {{ code: number | null, signal: NodeJS.Signals | null } | undefined} */
		this.exit = undefined;
		/** @type {Set<() => void>} */
		this.listeners = new Set();
		// stdout and stderr are always pipes; stdin only when asked for.
		this.child = /** @type {import("node:child_process").ChildProcessByStdio<import("node:stream").Writable | null, import("node:stream").Readable, import("node:stream").Readable>} */ (
			spawn(command, args, { ...options, stdio: [ stdin, "pipe", "pipe" ] })
		);
		running.add(this.child);
		this.exited = new Promise(resolve => {
			const ended = (/** @type {number | null} */ code, /** @type {NodeJS.Signals | null} */ signal) => {
				if (!this.exit) {
					running.delete(this.child);
					this.exit = { code, signal };
					this.notify();
					resolve(this.exit);
				}
			};
			this.child.once("close", ended);
			// A command that cannot be started (e.g. not installed) ends the app with no exit code.
			this.child.once("error", error => {
				this.lines.stderr.push(`[harness] cannot run ${command}: ${error.message}`);
				ended(null, null);
			});
		});
		this.collect("stdout");
		this.collect("stderr");
	}

	/** @param {Stream} stream */
	collect(stream) {
		let partial = "";
		const source = this.child[stream];
		source.setEncoding("utf8");
		source.on("data", (/** @type {string} */ chunk) => {
			const parts = (partial + chunk).split("\n");
			partial = parts.pop() ?? "";
			for (const line of parts) {
				this.lines[stream].push(line.replace(/\r$/, ""));
			}
			this.notify();
		});
		source.on("end", () => {
			if (partial !== "") {
				this.lines[stream].push(partial.replace(/\r$/, ""));
				partial = "";
				this.notify();
			}
		});
	}

	notify() {
		for (const listener of this.listeners) {
			listener();
		}
	}

	/**
	 * Resolves once `check` returns something other than `undefined` (checked on every new line
	 * and on exit). Rejects when the process exits first or after `timeout` milliseconds; the
	 * rejection carries everything the process printed.
	 * @template T
	 * @param {() => T | undefined} check
	 * @param {string} description what is awaited, for the failure message
	 * @param {number} [timeout]
	 * @returns {Promise<T>}
	 */
	until(check, description, timeout = defaultTimeout) {
		return new Promise((resolve, reject) => {
			const finish = (/** @type {() => void} */ settle) => {
				clearTimeout(timer);
				this.listeners.delete(listener);
				settle();
			};
			const listener = () => {
				let result;
				try {
					result = check();
				} catch (error) {
					finish(() => reject(error));
					return;
				}
				if (result !== undefined) {
					finish(() => resolve(result));
				} else if (this.exit) {
					const how = this.exit.signal ?? `code ${this.exit.code}`;
					finish(() => reject(new Error(`The application exited (${how}) while waiting for ${description}\n${this.output()}`)));
				}
			};
			const timer = setTimeout(() => {
				finish(() => reject(new Error(`Timed out after ${timeout}ms waiting for ${description}\n${this.output()}`)));
			}, timeout);
			this.listeners.add(listener);
			listener();
		});
	}

	/**
	 * Waits for the next line on `stream` (after the lines earlier waits consumed) that matches
	 * `pattern`: a RegExp, or a string that must equal the whole line. Consumes the lines up to
	 * and including the match, and returns the match.
	 * @param {RegExp | string} pattern
	 * @param {{ stream?: Stream, timeout?: number }} [options]
	 * @returns {Promise<RegExpMatchArray>}
	 */
	waitFor(pattern, { stream = "stdout", timeout } = {}) {
		const expression = typeof pattern === "string"
			? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)
			: pattern;
		return this.until(() => {
			const lines = this.lines[stream];
			for (let index = this.cursor[stream]; index < lines.length; ++index) {
				const match = expression.exec(/** @type {string} */ (lines[index]));
				if (match) {
					this.cursor[stream] = index + 1;
					return match;
				}
			}
			return undefined;
		}, `${stream} to print ${String(pattern)}`, timeout);
	}

	/**
	 * Lines on `stream` that no wait has consumed yet; consumes them.
	 * @param {Stream} stream
	 */
	takeLines(stream) {
		const lines = this.lines[stream].slice(this.cursor[stream]);
		this.cursor[stream] = this.lines[stream].length;
		return lines;
	}

	/** Waits for the process to end by itself. */
	waitForExit(timeout = defaultTimeout) {
		return this.until(() => this.exit, "the application to exit", timeout);
	}

	/** Ends the process (SIGTERM, then SIGKILL if it lingers) and waits until it has exited. */
	async stop() {
		if (!this.exit) {
			this.child.kill("SIGTERM");
			const killer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
			await this.exited;
			clearTimeout(killer);
		}
		return this.exit;
	}

	/** Everything printed so far, for failure messages. */
	output() {
		const block = (/** @type {string[]} */ lines) => lines.length === 0 ? "  (nothing)" : lines.map(line => `  | ${line}`).join("\n");
		return `$ ${this.commandLine}\nstdout:\n${block(this.lines.stdout)}\nstderr:\n${block(this.lines.stderr)}`;
	}
}
