// `npm run bench`: generates the synthetic monorepos, runs the benchmarks, and writes
// results/latest.json, results/startup.svg and the tables in benchmark/README.md.
//
// Options:
//   --sizes 500,2000    module counts of the generated monorepos (default 500,2000,8000)
//   --runs N            samples per measurement, interleaved across tools (default 3)
//   --only a,b          some of: startup, latency, transform, memory, restart (default all); the
//                       other sections of results/latest.json are kept from the previous run
//   --edits N           edits per edited module per run in the latency benchmark (default 3)
//   --restart-sizes 500,2000  module counts of the HTTP server apps of the restart benchmark
//                       (default 500,2000)
//   --saves N           saves of each edited file per run in the restart benchmark (default 2)
//   --memory PLAN       module sizes of the memory benchmark and, for each, windows × reloads
//                       per window of our rows: SIZE=WINDOWSxRELOADS,… with SIZE in KB or MB,
//                       e.g. 1KB=4x250,1MB=2x100 (default, and why: lib/memory-plan.js)
//   --memory-peers PLAN the same for upstream dynohot and Vite's module runner, at the same sizes
//   --seed N            seed of the generated monorepos (default 1)
//   --quick             a tiny size, one run, few reloads: checks that everything runs
//   --out DIR           where results go (default benchmark/results); README.md is only
//                       rewritten when this is the default
//   --work DIR          where generated apps go (default benchmark/work)

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateMonorepo } from "./lib/generate-monorepo.js";
import { generateServerApp } from "./lib/generate-server-app.js";
import { describeMachine } from "./lib/machine.js";
import { DEFAULT_MEMORY_PLAN, parseMemoryPlan, QUICK_MEMORY_PLAN } from "./lib/memory-plan.js";
import { startupTools } from "./lib/tools.js";
import { measureLatency } from "./measure/latency.js";
import { measureMemory } from "./measure/memory.js";
import { measureRestart } from "./measure/restart.js";
import { measureStartup } from "./measure/startup.js";
import { measureTransform } from "./measure/transform.js";
import { renderMarkdown } from "./report/markdown.js";
import { renderStartupChart } from "./report/svg-chart.js";

const benchmarkDirectory = path.dirname(fileURLToPath(import.meta.url));
const SECTIONS = ["startup", "latency", "transform", "memory", "restart"];
const README_START = "<!-- benchmark-results:start -->";
const README_END = "<!-- benchmark-results:end -->";

const { values: flags } = parseArgs({
	options: {
		sizes: { type: "string" },
		runs: { type: "string" },
		only: { type: "string" },
		edits: { type: "string" },
		"restart-sizes": { type: "string" },
		saves: { type: "string" },
		memory: { type: "string" },
		"memory-peers": { type: "string" },
		seed: { type: "string" },
		quick: { type: "boolean", default: false },
		out: { type: "string" },
		work: { type: "string" },
	},
});

const positiveInteger = (text, name) => {
	const value = Number(text);
	if (!Number.isInteger(value) || value <= 0) {
		throw new Error(`--${name} must be a positive integer, got ${text}`);
	}
	return value;
};
const quick = flags.quick;
const sizeList = (text, name) => text.split(",").map(size => positiveInteger(size, name));
const options = {
	sizes: flags.sizes ? sizeList(flags.sizes, "sizes") : quick ? [60] : [500, 2000, 8000],
	restartSizes: flags["restart-sizes"] ? sizeList(flags["restart-sizes"], "restart-sizes") : quick ? [60] : [500, 2000],
	savesPerFile: flags.saves ? positiveInteger(flags.saves, "saves") : quick ? 1 : 2,
	runs: flags.runs ? positiveInteger(flags.runs, "runs") : quick ? 1 : 3,
	sections: flags.only ? flags.only.split(",") : SECTIONS,
	editsPerTarget: flags.edits ? positiveInteger(flags.edits, "edits") : quick ? 1 : 3,
	memoryPlan: parseMemoryPlan({
		ours: flags.memory ?? (quick ? QUICK_MEMORY_PLAN : DEFAULT_MEMORY_PLAN).ours,
		peers: flags["memory-peers"] ?? (quick ? QUICK_MEMORY_PLAN : DEFAULT_MEMORY_PLAN).peers,
	}),
	seed: flags.seed ? positiveInteger(flags.seed, "seed") : 1,
	// Throughput samples run for at least this long; --quick only checks that the transforms run.
	transformSeconds: quick ? 0 : 2,
	transformCorpora: quick ? ["lodash-es"] : undefined,
	transformMaxFiles: quick ? 10 : undefined,
	outDirectory: path.resolve(flags.out ?? path.join(benchmarkDirectory, "results")),
	workDirectory: path.resolve(flags.work ?? path.join(benchmarkDirectory, "work")),
	writeReadme: flags.out === undefined,
};
for (const section of options.sections) {
	if (!SECTIONS.includes(section)) {
		throw new Error(`--only takes ${SECTIONS.join(", ")}; got ${section}`);
	}
}

const startedAt = Date.now();
const log = message => {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(5);
	process.stderr.write(`[bench ${seconds}s] ${message}\n`);
};

const machine = describeMachine();
log(`${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage.join(" / ")}; sizes ${options.sizes.join(", ")}, ${options.runs} run(s), sections ${options.sections.join(", ")}`);
if (machine.loadAverage[0] > machine.cores) {
	log(`note: the load average is above the core count; wall times will be noisy (CPU times less so)`);
}

const apps = {};
const manifests = {};
if (options.sections.includes("startup") || options.sections.includes("latency")) {
	// The TypeScript variant only matters when a tool that runs .ts files is available.
	const needsTypeScript = options.sections.includes("startup") && startupTools.some(tool => tool.variant === "ts" && !tool.unavailable?.());
	for (const size of options.sizes) {
		apps[size] = {};
		manifests[size] = {};
		for (const variant of needsTypeScript ? ["js", "ts"] : ["js"]) {
			const root = path.join(options.workDirectory, `monorepo-${size}-${variant}`);
			manifests[size][variant] = generateMonorepo({ root, moduleCount: size, seed: options.seed, typescript: variant === "ts" });
			apps[size][variant] = root;
			const manifest = manifests[size][variant];
			log(`generated ${path.relative(process.cwd(), root)}: ${manifest.moduleCount} modules in ${manifest.packageCount} packages, ${(manifest.bytes / 1e6).toFixed(2)} MB`);
		}
	}
}

const serverApps = {};
if (options.sections.includes("restart")) {
	for (const size of options.restartSizes) {
		const root = path.join(options.workDirectory, `server-${size}`);
		const manifest = generateServerApp({ root, moduleCount: size, seed: options.seed });
		serverApps[size] = root;
		log(`generated ${path.relative(process.cwd(), root)}: an HTTP server over ${manifest.moduleCount} modules in ${manifest.packageCount} packages`);
	}
}

const measured = {};
const section = async (name, measure) => {
	if (!options.sections.includes(name)) {
		return;
	}
	const loadAverage = os.loadavg().map(value => Number(value.toFixed(2)));
	const rows = await measure();
	measured[name] = { measuredAt: new Date().toISOString(), loadAverage, loadAverageAfter: os.loadavg().map(value => Number(value.toFixed(2))), rows };
};

await section("startup", () => measureStartup({ sizes: options.sizes, runs: options.runs, apps, log }));
if (measured.startup) {
	measured.startup.runs = options.runs;
	measured.startup.apps = manifests;
}
await section("latency", () => measureLatency({ sizes: options.sizes, runs: options.runs, editsPerTarget: options.editsPerTarget, apps, manifests, log }));
if (measured.latency) {
	Object.assign(measured.latency, { runs: options.runs, editsPerTarget: options.editsPerTarget });
}
await section("transform", () => measureTransform({ runs: options.runs, minSeconds: options.transformSeconds, corpusIds: options.transformCorpora, maxFiles: options.transformMaxFiles, log }));
if (measured.transform) {
	measured.transform.runs = options.runs;
}
await section("memory", () => measureMemory({ plan: options.memoryPlan, workDirectory: options.workDirectory, log }));
if (measured.memory) {
	measured.memory.plan = options.memoryPlan;
}
await section("restart", () => measureRestart({ sizes: options.restartSizes, runs: options.runs, savesPerFile: options.savesPerFile, apps: serverApps, log }));
if (measured.restart) {
	Object.assign(measured.restart, { runs: options.runs, savesPerFile: options.savesPerFile });
}

// Sections not measured this time keep their previous results.
fs.mkdirSync(options.outDirectory, { recursive: true });
const resultsFile = path.join(options.outDirectory, "latest.json");
const previous = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, "utf8")) : {};
const results = {
	generatedAt: new Date().toISOString(),
	commandLine: `node benchmark/run.js ${process.argv.slice(2).join(" ")}`.trim(),
	machine,
	loadAverageAtEnd: os.loadavg().map(value => Number(value.toFixed(2))),
	...Object.fromEntries(SECTIONS.map(name => [name, measured[name] ?? previous[name]]).filter(([, value]) => value !== undefined)),
};
fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, "\t")}\n`);
const markdown = renderMarkdown(results);
fs.writeFileSync(path.join(options.outDirectory, "latest.md"), markdown);
if (results.startup) {
	fs.writeFileSync(path.join(options.outDirectory, "startup.svg"), renderStartupChart(results.startup.rows));
}
if (options.writeReadme) {
	const readmeFile = path.join(benchmarkDirectory, "README.md");
	const readme = fs.readFileSync(readmeFile, "utf8");
	const start = readme.indexOf(README_START);
	const end = readme.indexOf(README_END);
	if (start === -1 || end < start) {
		throw new Error(`${readmeFile} has no ${README_START} … ${README_END} markers`);
	}
	fs.writeFileSync(readmeFile, `${readme.slice(0, start + README_START.length)}\n${markdown}${readme.slice(end)}`);
}
log(`wrote ${path.relative(process.cwd(), resultsFile)}${options.writeReadme ? ", README.md" : ""} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
