// Runs an app as a child process and lets the benchmarks wait for lines it prints. The child gets
// its own process group so that stopping it also stops what it started (`node --watch` runs the
// app in a grandchild).

import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { errorLine } from "./format.js";

const KEPT_LINES = 200;

// Apps still running; stopped when the benchmark itself is interrupted, so none outlives it.
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
	process.once(signal, () => {
		for (const child of running) {
			killGroup(child);
		}
		process.exit(130);
	});
}

function killGroup(child) {
	try {
		process.kill(-child.pid, "SIGKILL");
	} catch {
		// The group is already gone.
	}
}

export function startApp({ executable, args, cwd, env }) {
	const startedAt = performance.now();
	const child = spawn(executable, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ["pipe", "pipe", "pipe"],
		detached: true,
	});
	running.add(child);
	const streams = { stdout: [], stderr: [] };
	const waiters = new Set();
	let exit;
	const deliver = (stream, line) => {
		const kept = streams[stream];
		kept.push(line);
		if (kept.length > KEPT_LINES) {
			kept.shift();
		}
		for (const waiter of waiters) {
			if (waiter.stream === stream && waiter.pattern.test(line)) {
				waiter.settle(() => waiter.resolve({ line, at: performance.now() }));
			}
		}
	};
	for (const stream of ["stdout", "stderr"]) {
		let pending = "";
		child[stream].setEncoding("utf8");
		child[stream].on("data", chunk => {
			pending += chunk;
			let newline;
			while ((newline = pending.indexOf("\n")) !== -1) {
				deliver(stream, pending.slice(0, newline));
				pending = pending.slice(newline + 1);
			}
		});
	}
	const exited = new Promise(resolve => {
		child.on("exit", (code, signal) => {
			exit = { code, signal };
			running.delete(child);
			for (const waiter of waiters) {
				waiter.settle(() => waiter.reject(new Error(`exited (${signal ?? code}) before printing a line matching ${waiter.pattern}: ${tail()}`)));
			}
			resolve(exit);
		});
	});
	// The error's own line first (a stack trace's last lines rarely say what went wrong), then the tail.
	const tail = () => [errorLine(streams.stderr.join("\n")), ...streams.stderr.slice(-15), ...streams.stdout.slice(-5)].join("\n");
	return {
		startedAt,
		/** Resolves with the first line printed from now on that matches `pattern`. */
		waitForLine(stream, pattern, timeoutMs) {
			return new Promise((resolve, reject) => {
				if (exit) {
					reject(new Error(`exited (${exit.signal ?? exit.code})\n${tail()}`));
					return;
				}
				const waiter = { stream, pattern, resolve, reject };
				const timer = setTimeout(() => waiter.settle(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${tail()}`))), timeoutMs);
				waiter.settle = settle => {
					clearTimeout(timer);
					waiters.delete(waiter);
					settle();
				};
				waiters.add(waiter);
			});
		},
		send(text) {
			child.stdin.write(text);
		},
		tail,
		recentStderr: count => streams.stderr.slice(-count).join("\n"),
		async stop() {
			// The whole group: `node --watch` runs the app in a grandchild, which outlives its parent.
			killGroup(child);
			await exited;
		},
	};
}
