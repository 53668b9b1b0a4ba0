// The persistent transform cache (src/hooks/transform-cache.ts): a start with unchanged files is
// served from `node_modules/.cache/dynohot`, a damaged entry is ignored and replaced, and a cache
// that cannot be written never stops the application.
import anyTest from "ava";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { createProject, queuedTest } from "../harness/index.js";

const test = queuedTest(anyTest);

const cacheFolder = path.join("node_modules", ".cache", "dynohot");
const loadedOne = /^\[hot\] Loaded 1 new module, reevaluated 0 existing modules in \d+ms\.$/;

/** An entry point that accepts `./dep.js` and prints its value at start and after each update. */
const files = {
	"main.js": [
		'import { value } from "./dep.js";',
		'console.log(`value ${value}`);',
		'import.meta.hot?.accept("./dep.js", () => console.log(`value ${value}`));',
	].join("\n"),
	"dep.js": "export const value = 1;\n",
};

/**
 * The cache entries in `folder` (an absolute path): file name → the entry's header (one line of
 * JSON) and the stub that follows it.
 * @param {string} folder
 * @returns {Promise<Map<string, { header: { key: string, length: number }, stub: string }>>}
 */
async function readEntries(folder) {
	const entries = new Map();
	for (const name of await fs.readdir(folder)) {
		const text = await fs.readFile(path.join(folder, name), "utf8");
		const newline = text.indexOf("\n");
		entries.set(name, { header: JSON.parse(text.slice(0, newline)), stub: text.slice(newline + 1) });
	}
	return entries;
}

/**
 * The name of the one entry whose stub contains `text`.
 * @param {import("ava").ExecutionContext} t
 * @param {Map<string, { stub: string }>} entries
 * @param {string} text
 */
function entryContaining(t, entries, text) {
	const names = [ ...entries ].filter(([ , entry ]) => entry.stub.includes(text)).map(([ name ]) => name);
	t.is(names.length, 1, `one entry contains ${text}: ${names.join(", ")}`);
	return /** @type {string} */ (names[0]);
}

/**
 * Runs `main.js` to its first line and stops it.
 * @param {import("../harness/index.js").Project} project
 * @param {Record<string, string>} [env]
 */
async function startOnce(project, env = {}) {
	const app = project.start("main.js", { env });
	const [ line ] = await app.waitFor(/^value .*$/);
	await app.stop();
	return { line, stderr: app.takeLines("stderr"), output: app.output() };
}

test("a second start is served from the cache the first start wrote", async t => {
	const project = await createProject(t, files);
	const folder = project.path(cacheFolder);
	const first = await startOnce(project);
	t.is(first.line, "value 1", first.output);
	const entries = await readEntries(folder);
	// One entry per hot module: main.js and dep.js.
	t.is(entries.size, 2, [ ...entries.keys() ].join(", "));
	// Each entry is dep.js's or main.js's finished stub, for the stub's URL.
	for (const { header, stub } of entries.values()) {
		t.is(header.length, stub.length);
		t.regex(stub, /\$hot\$runtime\.acquire\("file:\/\/\/.*\/(?:dep|main)\.js", 0, /);
	}
	// Rewrite dep.js's entry (still a valid entry for the same source, of the same length): only
	// a start that takes the stub from the cache can print this value.
	const name = entryContaining(t, entries, "const value = 1;");
	const entryFile = path.join(folder, name);
	const entry = await fs.readFile(entryFile, "utf8");
	await fs.writeFile(entryFile, entry.replace("const value = 1;", "const value = 7;"));
	const second = await startOnce(project);
	t.is(second.line, "value 7", second.output);
	t.deepEqual(second.stderr, [], second.output);
	t.deepEqual([ ...(await readEntries(folder)).keys() ].sort(), [ ...entries.keys() ].sort());
});

test("a changed file is transformed again and gets an entry of its own", async t => {
	const project = await createProject(t, files);
	const folder = project.path(cacheFolder);
	t.is((await startOnce(project)).line, "value 1");
	const before = await readEntries(folder);
	await project.write("dep.js", "export const value = 2;\n");
	const second = await startOnce(project);
	t.is(second.line, "value 2", second.output);
	const after = await readEntries(folder);
	t.is(after.size, 3);
	t.truthy(after.get(entryContaining(t, after, "const value = 2;")));
	t.true([ ...before.keys() ].every(name => after.has(name)));
});

test("a truncated entry is ignored and replaced; the application runs and reloads", async t => {
	const project = await createProject(t, files);
	const folder = project.path(cacheFolder);
	t.is((await startOnce(project)).line, "value 1");
	const name = entryContaining(t, await readEntries(folder), "const value = 1;");
	const entryFile = path.join(folder, name);
	const whole = await fs.readFile(entryFile, "utf8");
	await fs.writeFile(entryFile, whole.slice(0, Math.floor(whole.length / 2)));

	const app = project.start("main.js");
	await app.waitFor("value 1");
	// The damaged entry was written again, whole.
	t.is(await fs.readFile(entryFile, "utf8"), whole);
	await project.edit("dep.js", "export const value = 3;\n");
	await app.waitFor(loadedOne, { stream: "stderr" });
	await app.waitFor("value 3");
	t.deepEqual(app.takeLines("stderr"), [], app.output());
});

test("an entry for other code than its name says is ignored", async t => {
	const project = await createProject(t, files);
	const folder = project.path(cacheFolder);
	t.is((await startOnce(project)).line, "value 1");
	const entries = await readEntries(folder);
	const depName = entryContaining(t, entries, "const value = 1;");
	const mainName = entryContaining(t, entries, "console.log");
	// main.js's entry filed under dep.js's name: a whole entry, but not the entry of that key.
	await fs.copyFile(path.join(folder, mainName), path.join(folder, depName));
	const second = await startOnce(project);
	t.is(second.line, "value 1", second.output);
	t.deepEqual(second.stderr, [], second.output);
});

test("DYNOHOT_CACHE=0 writes no cache; DYNOHOT_CACHE_DIR chooses the folder", async t => {
	const project = await createProject(t, files);
	t.is((await startOnce(project, { DYNOHOT_CACHE: "0" })).line, "value 1");
	await t.throwsAsync(fs.access(project.path(cacheFolder)), { code: "ENOENT" });
	const elsewhere = project.path("transform-cache");
	t.is((await startOnce(project, { DYNOHOT_CACHE_DIR: elsewhere })).line, "value 1");
	t.is((await readEntries(elsewhere)).size, 2);
	await t.throwsAsync(fs.access(project.path(cacheFolder)), { code: "ENOENT" });
});

test("a cache folder that cannot be created does not stop the application", async t => {
	const project = await createProject(t, files);
	// `node_modules/.cache` is a file: the cache folder cannot be made below it.
	await project.write(path.join("node_modules", ".cache"), "not a folder");
	const app = project.start("main.js");
	await app.waitFor("value 1");
	await project.edit("dep.js", "export const value = 4;\n");
	await app.waitFor(loadedOne, { stream: "stderr" });
	await app.waitFor("value 4");
	t.deepEqual(app.takeLines("stderr"), [], app.output());
	t.is(await project.read(path.join("node_modules", ".cache")), "not a folder");
});
