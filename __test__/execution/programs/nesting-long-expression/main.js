// Issue 16: valid modules that are deep trees: an expression of 3,000 terms, and 1,000 nested
// brackets (plain node's parser holds about 1,600).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { show } from "../report.js";
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "long-expression-"));
const terms = Array.from({ length: 3_000 }, (_, index) => `${index % 7}`);
const strings = Array.from({ length: 3_000 }, (_, index) => `"s${index % 10}"`);
const source = [
	"var a0, a1, a2 = 'third';",
	`export const sum = ${terms.join(" + ")};`,
	`export const text = (${strings.join(" + ")}).length;`,
	`export const logical = ${Array.from({ length: 3_000 }, (_, index) => `a${index % 3}`).join(" || ")};`,
	`export const deep = ${"[".repeat(1_000)}1${"]".repeat(1_000)}.flat(Infinity)[0];`,
	`export const parens = ${"(".repeat(1_000)}2${")".repeat(1_000)};`,
].join("\n");
fs.writeFileSync(path.join(folder, "long.js"), `${source}\n`);
try {
	const namespace = await import(pathToFileURL(path.join(folder, "long.js")).href);
	show("values", { ...namespace });
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
}
