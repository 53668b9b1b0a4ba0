// The module watcher (src/runtime/watch/watcher.ts) against real files: every kind of save reports one
// change, a delete alone reports none, and the watcher never keeps the process alive.
import test from "ava";
import { spawn } from "node:child_process";
import { readFileSync, renameSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { createModuleWatcher } from "../../dist/runtime/watch/watcher.js";

// Saves are made with synchronous calls: like a save by another process (an editor), each one is
// over before this process sees its first event.
// A pause before each file change so chokidar has set its watches up (and, for "nothing
// happened" checks, time for a wrong report to arrive). It never decides a pass by itself.
const settle = 300;

/** A temporary directory with `files`, a watcher on them, and every change it reported. */
async function watchedFiles(t, files) {
	const directory = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-watcher-")));
	const urls = {};
	for (const [ name, content ] of Object.entries(files)) {
		const file = path.join(directory, name);
		await fs.mkdir(path.dirname(file), { recursive: true });
		await fs.writeFile(file, content);
		urls[name] = pathToFileURL(file).href;
	}
	/** @type {{ url: string, content: string }[]} */
	const changes = [];
	let waiters = [];
	const watcher = createModuleWatcher(url => {
		// What a reload would read at this moment.
		changes.push({ url, content: readFileSync(new URL(url), "utf8") });
		for (const waiter of [ ...waiters ]) {
			waiter();
		}
	});
	t.teardown(async () => {
		await watcher.close();
		await fs.rm(directory, { recursive: true, force: true });
	});
	for (const url of Object.values(urls)) {
		watcher.watch(url);
	}
	await delay(settle);
	return {
		directory,
		urls,
		changes,
		watcher,
		file: name => path.join(directory, name),
		/** Resolves once a reported change satisfies `predicate`. */
		until(predicate) {
			// The watcher keeps nothing alive by design; the test has to, while it waits.
			const keepAlive = setInterval(() => {}, 1_000);
			return new Promise(resolve => {
				const check = () => {
					if (changes.some(predicate)) {
						waiters = waiters.filter(waiter => waiter !== check);
						clearInterval(keepAlive);
						resolve();
					}
				};
				waiters.push(check);
				check();
			});
		},
	};
}

test("a write is one change", async t => {
	const w = await watchedFiles(t, { "a.js": "export const a = 1;\n" });
	const started = performance.now();
	writeFileSync(w.file("a.js"), "export const a = 2;\n");
	await w.until(change => change.content === "export const a = 2;\n");
	t.log(`write → change: ${(performance.now() - started).toFixed(1)}ms`);
	await delay(settle);
	t.deepEqual(w.changes, [ { url: w.urls["a.js"], content: "export const a = 2;\n" } ]);
});

test("touch (mtime only) is a change", async t => {
	const w = await watchedFiles(t, { "now.js": "export const now = new Date();\n" });
	const later = new Date(Date.now() + 5_000);
	utimesSync(w.file("now.js"), later, later);
	await w.until(change => change.url === w.urls["now.js"]);
	await delay(settle);
	t.is(w.changes.length, 1);
});

test("an atomic save (write a temporary file, rename it over) is one change, and the file stays watched", async t => {
	const w = await watchedFiles(t, { "a.js": "1" });
	writeFileSync(w.file(".a.js.tmp"), "2");
	renameSync(w.file(".a.js.tmp"), w.file("a.js"));
	await w.until(change => change.content === "2");
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.content), [ "2" ]);
	writeFileSync(w.file("a.js"), "3");
	await w.until(change => change.content === "3");
	t.deepEqual(w.changes.map(change => change.content), [ "2", "3" ]);
});

test("delete then re-create at once is one change", async t => {
	const w = await watchedFiles(t, { "a.js": "1" });
	unlinkSync(w.file("a.js"));
	writeFileSync(w.file("a.js"), "2");
	await w.until(change => change.content === "2");
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.content), [ "2" ]);
});

test("a delete alone is no change; re-creating the file later is, and it stays watched", async t => {
	// Two directories: chokidar on its own only looks for a deleted file's return when it is the
	// one file it watches.
	const w = await watchedFiles(t, { "a.js": "1", "lib/b.js": "1" });
	unlinkSync(w.file("a.js"));
	await delay(settle);
	t.deepEqual(w.changes, [], "nothing is reported for the delete");
	writeFileSync(w.file("a.js"), "2");
	await w.until(change => change.content === "2");
	await delay(settle);
	writeFileSync(w.file("a.js"), "3");
	await w.until(change => change.content === "3");
	t.deepEqual(w.changes.map(change => change.content), [ "2", "3" ]);
});

test("an in-place save whose write lags the truncation is one change, with the written text", async t => {
	// An editor's in-place save on a busy machine: the file is empty for a while before its text arrives.
	const w = await watchedFiles(t, { "a.js": "1" });
	writeFileSync(w.file("a.js"), "");
	await delay(100);
	writeFileSync(w.file("a.js"), "2");
	await w.until(change => change.content === "2");
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.content), [ "2" ]);
});

test("a file emptied on purpose is one change, reported once it stays empty", async t => {
	const w = await watchedFiles(t, { "a.js": "1" });
	writeFileSync(w.file("a.js"), "");
	await w.until(change => change.content === "");
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.content), [ "" ]);
});

test("a second save right after the first is not lost", async t => {
	// chokidar itself drops a `change` within 50ms of the previous one for the same file.
	const w = await watchedFiles(t, { "a.js": "1" });
	writeFileSync(w.file("a.js"), "2");
	await w.until(change => change.content === "2");
	writeFileSync(w.file("a.js"), "3");
	await w.until(change => change.content === "3");
	t.is(w.changes.at(-1).content, "3");
});

test("only watched files are reported, and not after unwatch", async t => {
	const w = await watchedFiles(t, { "a.js": "1", "b.js": "1", "c.js": "1" });
	w.watcher.unwatch(w.urls["a.js"]);
	writeFileSync(w.file("a.js"), "2");
	writeFileSync(w.file("unrelated.js"), "2");
	await delay(settle);
	writeFileSync(w.file("b.js"), "2");
	await w.until(change => change.url === w.urls["b.js"]);
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.url), [ w.urls["b.js"] ]);
});

test("every URL of one file (query, hash) is reported, and unwatching one keeps the others", async t => {
	const w = await watchedFiles(t, { "m.js": "1" });
	const plain = w.urls["m.js"];
	const [ x, y, hash ] = [ `${plain}?x`, `${plain}?y`, `${plain}#h` ];
	for (const url of [ x, y, hash ]) {
		w.watcher.watch(url);
	}
	writeFileSync(w.file("m.js"), "2");
	await w.until(change => change.url === hash);
	await delay(settle);
	t.deepEqual(w.changes.map(change => change.url), [ plain, x, y, hash ]);
	w.watcher.unwatch(plain);
	w.watcher.unwatch(x);
	writeFileSync(w.file("m.js"), "3");
	await w.until(change => change.url === hash && change.content === "3");
	await delay(settle);
	t.deepEqual(w.changes.slice(4).map(change => change.url), [ y, hash ]);
});

test("a watcher does not keep the process alive", async t => {
	const directory = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "dynohot-watcher-")));
	t.teardown(() => fs.rm(directory, { recursive: true, force: true }));
	const file = path.join(directory, "a.js");
	await fs.writeFile(file, "1");
	const watcherURL = new URL("../../dist/runtime/watch/watcher.js", import.meta.url).href;
	// The child watches a file, and reports when chokidar is set up: then nothing else is alive.
	const script = [
		`const { createModuleWatcher } = await import(${JSON.stringify(watcherURL)});`,
		"const watcher = createModuleWatcher(() => {});",
		`watcher.watch(${JSON.stringify(pathToFileURL(file).href)});`,
		"setTimeout(() => console.log('watching'), 200);",
	].join("\n");
	const child = spawn(process.execPath, [ "--input-type=module", "--eval", script ], { stdio: [ "ignore", "pipe", "inherit" ] });
	let output = "";
	child.stdout.on("data", chunk => { output += chunk; });
	const exitCode = await new Promise(resolve => child.on("exit", resolve));
	t.is(output.trim(), "watching");
	t.is(exitCode, 0);
});
