// Loading and using the wasm backend prints nothing on any supported Node version: `node:wasi`
// emits an ExperimentalWarning when it loads, which the backend must keep quiet, while other
// warnings still reach the user.

import test from "ava";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The machine's node and the other majors the end-to-end suites use (scripts/install-node.sh). */
function nodeBinaries() {
	const majors = (process.env.DYNOHOT_TEST_NODES ?? "22 24 26").split(/\s+/).filter(Boolean);
	const installed = execFileSync("bash", ["scripts/install-node.sh", ...majors], { cwd: root, encoding: "utf8" });
	const others = installed
		.split("\n")
		.filter(Boolean)
		.map(line => line.split(" ").slice(1).join(" "));
	return [process.execPath, ...others];
}

const program = `
import { loadWasmBackend } from "./dist/transform/wasm.js";
const backend = loadWasmBackend();
const { metadata } = backend.transformSync("export const a = 1;", { url: "file:///a.js", sourceMap: true });
try {
	backend.transformSync("let = ;", { url: "file:///b.js" });
} catch (error) {
	console.log(error.name);
}
console.log(JSON.stringify(metadata.exports));
process.emitWarning("a warning of the application", "ApplicationWarning");
`;

for (const node of nodeBinaries()) {
	const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();

	test(`node ${version}: no output but the program's, and other warnings still print`, t => {
		const run = spawnSync(node, ["--input-type=module", "--eval", program], { cwd: root, encoding: "utf8" });
		t.is(run.status, 0, run.stderr);
		t.is(run.stdout, 'SyntaxError\n["a"]\n');
		const lines = run.stderr.split("\n").filter(Boolean);
		t.is(lines.filter(line => /ApplicationWarning: a warning of the application$/.test(line)).length, 1, run.stderr);
		const others = lines.filter(line => !line.includes("ApplicationWarning") && !line.startsWith("(Use `node --trace-warnings"));
		t.deepEqual(others, []);
	});
}
