// Checks that the benchmark scripts run, on a tiny monorepo with one run of everything, writing
// into a temporary directory (never into benchmark/results or README.md). Exits non-zero with the
// reason when something did not run. The test suite calls this; timings are not checked.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const runner = fileURLToPath(new URL("run.js", import.meta.url));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dynohot-bench-smoke-"));
const out = path.join(scratch, "results");

const problems = [];
try {
	await promisify(execFile)(process.execPath, [runner, "--quick", "--out", out, "--work", path.join(scratch, "work")], { maxBuffer: 1 << 24 });
	const results = JSON.parse(fs.readFileSync(path.join(out, "latest.json"), "utf8"));
	for (const section of ["startup", "latency", "transform", "memory", "restart"]) {
		const rows = results[section]?.rows ?? [];
		if (rows.length === 0) {
			problems.push(`${section}: no rows`);
		}
		// Every row is either measured or says why not; "failed" means a script or tool broke.
		for (const row of rows.filter(candidate => candidate.status === "failed" || (candidate.status !== "ok" && !candidate.reason))) {
			problems.push(`${section}: ${row.tool} ${row.status}: ${row.reason}`);
		}
	}
	// The baselines must always be measurable, so the checks above cannot pass on all-"n/a".
	const measured = (section, tool) => results[section]?.rows.some(row => row.tool === tool && row.status === "ok");
	for (const [section, tool] of [["startup", "node"], ["latency", "upstream"], ["transform", "babel"], ["memory", "upstream"], ["memory", "vite"], ["restart", "node-watch"]]) {
		if (!measured(section, tool)) {
			problems.push(`${section}: baseline ${tool} was not measured`);
		}
	}
	// The command's rows measure what they are named for: the edit of message.js applied hot, the
	// edit of the entry by a restart.
	for (const row of results.restart?.rows.filter(candidate => candidate.tool.startsWith("dynohot-command") && candidate.status === "ok") ?? []) {
		const expected = row.file === "message.js" ? "hot" : "restart";
		if (Object.keys(row.applied).join() !== expected) {
			problems.push(`restart: ${row.label}, ${row.file} was applied by ${JSON.stringify(row.applied)}, not only ${expected}`);
		}
	}
	for (const file of ["latest.md", "startup.svg"]) {
		if (!fs.existsSync(path.join(out, file))) {
			problems.push(`${file} was not written`);
		}
	}
} catch (error) {
	problems.push(`run.js --quick failed: ${error.stderr || error.message}`);
} finally {
	fs.rmSync(scratch, { recursive: true, force: true });
}
if (problems.length > 0) {
	process.stderr.write(`benchmark smoke check failed:\n${problems.join("\n")}\n`);
	process.exitCode = 1;
} else {
	process.stdout.write("benchmark smoke check passed\n");
}
