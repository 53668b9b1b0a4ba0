// Turns the test262 tree into the list of runs a host owes it (INTERPRETING.md): a module test runs
// once as a module; a script test runs once per strictness its flags allow; `_FIXTURE` files are
// only ever imported by tests.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseFrontmatter } from "./frontmatter.js";

/**
 * @typedef {"module" | "strict" | "sloppy"} Scenario
 * @typedef {{
 *   id: string,
 *   file: string,
 *   scenario: Scenario,
 *   includes: string[],
 *   async: boolean,
 *   negative: { phase: string, type: string } | undefined,
 * }} TestCase
 */

/**
 * @param {string} testRoot directory holding `test/`-relative files
 * @param {string | undefined} filter substring of the relative path
 * @returns {TestCase[]}
 */
export function collectTests(testRoot, filter) {
	/** @type {TestCase[]} */
	const cases = [];
	for (const file of listFiles(testRoot)) {
		if (!file.endsWith(".js") || file.includes("_FIXTURE")) {
			continue;
		}
		if (filter !== undefined && !file.includes(filter)) {
			continue;
		}
		const frontmatter = parseFrontmatter(fs.readFileSync(path.join(testRoot, file), "utf8"));
		const flags = new Set(frontmatter.flags);
		const isRaw = flags.has("raw");
		const async = flags.has("async");
		const includes = isRaw ? [] : [
			"assert.js",
			"sta.js",
			...async ? [ "doneprintHandle.js" ] : [],
			...frontmatter.includes,
		];
		/** @type {Scenario[]} */
		const scenarios = flags.has("module")
			? [ "module" ]
			: isRaw || flags.has("noStrict")
				? [ "sloppy" ]
				: flags.has("onlyStrict") ? [ "strict" ] : [ "sloppy", "strict" ];
		for (const scenario of scenarios) {
			cases.push({
				id: scenario === "module" ? file : `${file} (${scenario})`,
				file,
				scenario,
				includes,
				async,
				negative: frontmatter.negative,
			});
		}
	}
	return cases;
}

/** @param {string} root @returns {string[]} paths relative to `root`, `/`-separated, sorted */
function listFiles(root) {
	return fs.readdirSync(root, { recursive: true, withFileTypes: true })
		.filter(entry => entry.isFile())
		.map(entry => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
		.sort();
}
