// Issue 16: valid modules that are deep trees: a long `else if` chain. Generated in a temporary
// folder (one per run), then imported.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { show } from "../report.js";
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "else-if-chain-"));
const branches = 2_500;
const lines = [ "export function classify(x) {", "\tif (x === 0) { return 'zero'; }" ];
for (let index = 1; index < branches; index++) {
	lines.push(`\telse if (x === ${index}) { return 'branch ${index}'; }`);
}
lines.push("\telse { return 'other'; }", "}", "export const last = classify(2_499);");
fs.writeFileSync(path.join(folder, "chain.js"), `${lines.join("\n")}\n`);
try {
	const { classify, last } = await import(pathToFileURL(path.join(folder, "chain.js")).href);
	show("last", last);
	show("branch 1234", classify(1_234));
	show("other", classify(-1));
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
}
