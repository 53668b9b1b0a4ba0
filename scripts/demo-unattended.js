// The demo without a person at the keyboard: runs the demo in the given copy, edits message.js
// after a few ticks as a person would, shows the hot update, and stops. Exits non-zero when the
// update did not show up.
import { spawn } from "node:child_process";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import * as readline from "node:readline";

const directory = process.argv[2] ?? process.cwd();
const edited = `// Edited by the demo script while the ticker was running.
export function describe(tick) {
	return \`tick \${tick}: 🔥 this line comes from the edited message.js, and the count kept going\`;
}
`;

const app = spawn(process.execPath, [ "--enable-source-maps", "--import", "dynohot/register", "main.js" ], {
	cwd: directory,
	stdio: [ "ignore", "pipe", "pipe" ],
});
let ticks = 0;
let reloaded = false;
let newTicks = 0;
let finished = false;

const giveUp = setTimeout(() => finish("the hot update did not show up within 60 seconds"), 60_000);

readline.createInterface({ input: app.stderr }).on("line", line => {
	process.stderr.write(`${line}\n`);
	if (line.startsWith("[hot] Loaded")) {
		reloaded = true;
	}
});
readline.createInterface({ input: app.stdout }).on("line", line => {
	process.stdout.write(`${line}\n`);
	++ticks;
	if (ticks === 3) {
		console.log(`\n(demo) editing ${path.join(directory, "message.js")} while the app runs...\n`);
		void fs.writeFile(path.join(directory, "message.js"), edited);
	} else if (line.includes("🔥")) {
		++newTicks;
		if (newTicks === 2) {
			finish();
		}
	}
});
app.once("exit", code => finish(`the demo application exited early (code ${code})`));

/** @param {string} [failure] */
function finish(failure) {
	if (finished) {
		return;
	}
	finished = true;
	clearTimeout(giveUp);
	app.removeAllListeners("exit");
	app.kill();
	if (failure === undefined && reloaded) {
		console.log("\n(demo) message.js was replaced in the running process: the ticker never restarted.");
		console.log("(demo) Run `npm run demo` in a terminal to make the edits yourself.");
	} else {
		console.error(`\n(demo) failed: ${failure ?? "no [hot] line was printed"}`);
		process.exitCode = 1;
	}
}
