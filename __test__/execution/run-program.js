// Runs one execution program in its own Node process, once as plain Node and once under dynohot,
// and collects everything it printed.
import { spawn } from "node:child_process";
import { registerSpecifier, testNode } from "../harness/environment.js";

/**
 * @typedef {{ exitCode: number | null, signal: string | null, stdout: string, stderr: string }} ProgramResult
 */

/**
 * Both runs get the same flags. Experimental warnings are silenced because Node prints them for
 * features (JSON modules on Node 20, type stripping) whether or not the loader is there, and only
 * on the first use, which the loader may move; they say nothing about module semantics.
 */
const commonFlags = [ "--disable-warning=ExperimentalWarning" ];

/** How long one program may run before it counts as hung (programs take well under a second). */
const timeoutMs = 60_000;

/**
 * @param {string} directory the program's directory (its working directory)
 * @param {string} entry the entry file, relative to `directory`
 * @param {{ hot: boolean }} mode `hot`: with `--import <dynohot/register>`
 * @returns {Promise<ProgramResult>}
 */
export function runProgram(directory, entry, { hot }) {
	const args = [ ...commonFlags, ...hot ? [ "--import", registerSpecifier() ] : [], entry ];
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, NO_COLOR: "1" };
	// ava asks for colours for itself; the program's output is compared as text.
	delete env.FORCE_COLOR;
	return new Promise((resolve, reject) => {
		const child = spawn(testNode(), args, { cwd: directory, env, stdio: [ "ignore", "pipe", "pipe" ] });
		let stdout = "";
		let stderr = "";
		child.stdout.setEncoding("utf8").on("data", chunk => { stdout += chunk; });
		child.stderr.setEncoding("utf8").on("data", chunk => { stderr += chunk; });
		const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
		child.on("error", error => {
			clearTimeout(timer);
			reject(error);
		});
		child.on("close", (exitCode, signal) => {
			clearTimeout(timer);
			resolve({ exitCode, signal, stdout, stderr });
		});
	});
}
