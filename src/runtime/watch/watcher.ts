// Watches the files of hot modules (docs/semantics.md §8) with chokidar, and reports each save once.
//
// - The process is never kept alive: chokidar's `persistent: false` opens every `fs.watch` with
//   `persistent: false`, and the debounce timers and the start of the watches are unref'd.
// - chokidar watches the *directories* of the files (depth 0, every entry in them ignored, so it
//   neither stats nor watches the files one by one). A watch on the file itself follows its inode:
//   chokidar loses a file that is deleted and created again (it only looks for the return of a
//   deleted file when it is the one file watched), and an atomic save replaces the inode. The
//   directory sees every write, `touch`, rename and re-creation of its entries. The one exception
//   is a watched file that is itself a symbolic link (`--preserve-symlinks`): its target changes
//   elsewhere, so chokidar watches that file too, which follows the link.
// - Raw events count, not chokidar's `change`: chokidar drops a `change` that follows another
//   within 50ms for the same file, which would lose a second save or the end of a slow write.
// - A burst of events is one change, looked at `debounceMs` after the last event: nothing is
//   reported when the file does not exist then (a delete alone) or when its identity, size and
//   times are what they were at the last report (one save raises several events, some of which
//   arrive after the report). A file found empty is looked at again, each time twice as late, for
//   about half a second before it counts as emptied (see `emptyLooks`).
// - Watches start in batches: `watch()` only takes the file's signature (its baseline), and the
//   directories are handed to chokidar together (one chokidar watcher per batch), on a later turn
//   of the event loop or, by `flush()`, just before the graph that asked for them evaluates, so
//   chokidar starts before application code that may replace globals it uses (`Promise.all`).
//   chokidar sees nothing until its watch on a directory is set up, so when a batch is ready,
//   every file `watch()` was called for in the meantime is compared once with its baseline: a
//   save made between the module's load and its watch is reported too.
// - A file can be watched before it exists (an import of a file the user has not created yet):
//   its baseline is "no file", so it is reported when it appears, also when that happens before
//   its watch is set up. While its directory does not exist either, the nearest existing
//   directory above it is watched instead, and an event there for an entry on the way to the file
//   looks again: the file is reported if it is there, and otherwise its watch moves to the nearest
//   directory that exists now (`mkdir` first, the file later). A file found in a directory other
//   than the one it is watched through moves to its own directory, so its later saves are seen.
// - One file can be watched under several URLs: `./m.js?x` and `./m.js?y` are two modules of one
//   file, as in plain node. A save is reported once per URL, and the file is watched until the
//   last of them is unwatched.
// - A folder can be watched for its module files (a route loader's folder): after a burst of
//   events in it, the module files it holds are listed, and those that appeared or disappeared
//   since the last listing are reported. Hidden files (an editor's `.#name.js` lock) are left out.

import { FSWatcher } from "chokidar";
import { readdirSync, type Stats, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * What a new watch compares the file with: the file as it is now, or no file at all (it is
 * expected to appear; if it exists already when its watch is set up, that is a change).
 */
export type WatchBaseline = "now" | "missing";

export interface ModuleWatcher {
	/** Reports each change of the file at `url` as `url`, and as every other URL it is watched as. */
	watch(url: string, baseline?: WatchBaseline): void;
	/** Stops reporting as `url`; the file stays watched while it is watched as another URL. */
	unwatch(url: string): void;
	/** Reports the module files that appear in the folder at `path` or disappear from it. */
	watchFolder(path: string): void;
	unwatchFolder(path: string): void;
	/** Starts the watches still waiting for their turn now, before the application's code runs. */
	flush(): void;
	close(): Promise<void>;
}

// Measured on Linux (ext4 and overlayfs, chokidar 4, fs.watch): the first event of a save arrives
// 0.2–2ms after the write, `touch` or rename returns, and the events of one save (truncate +
// write; write temp + rename; rename away + write + delete) arrive within 0.2ms of each other
// (medians). On a machine loaded ~6 runnable processes per core, the first event came up to 50ms
// late and the last one up to 12ms after the first. 15ms after the last event covers that; the
// update starts ~16ms after a save. A write slower than that (a huge file written in pieces) still
// ends well: its last piece raises another event, and the file is reported again.
// What chokidar adds: on every event in a watched directory it reads the directory again and
// `lstat`s each entry (~7ms of CPU per save in a directory of 50 files, against <1ms for a bare
// `fs.watch`), and it starts watching a directory only after that first read.
export const debounceMs = 15;
/**
 * Looks at a file found empty before it counts as emptied: 15, 30, 60, 120 and 240 ms after the
 * last event, so a write that lags the truncation by up to ~0.5 s is one change, not an emptied
 * module and then a change. Emptying a file on purpose is reported that much later.
 */
const emptyLooks = 5;

interface WatchedFile {
	/** The URLs it is watched as, each reported on a change. */
	readonly urls: Set<string>;
	/** The directory whose events reach it: its own, or the nearest existing one above it. */
	directory: string;
	/** Identity, size and times at the last report (or when `watch()` was called). */
	signature: string | undefined;
	timer: NodeJS.Timeout | undefined;
	/** Looks that found it empty since its last event. */
	emptyLooks: number;
}

/** Directories handed to chokidar together, and the files to compare with their baselines once it is ready. */
interface Batch {
	readonly directories: Set<string>;
	/** `undefined` once the batch is ready: from then on its directories raise events. */
	recheck: Set<string> | undefined;
	watcher: FSWatcher | undefined;
	/** Directories of the batch still watched: the watcher closes when none is left. */
	watching: number;
}

/** A folder watched for the module files in it. */
interface WatchedFolder {
	/** The names of its module files at the last listing. */
	names: Set<string>;
	timer: NodeJS.Timeout | undefined;
}

/** `(folder, added, removed)`: the `file:` URLs of module files that appeared in a watched folder or left it. */
export type FolderChange = (folder: string, added: readonly string[], removed: readonly string[]) => void;

interface WatchedDirectory {
	/** How many watched files it holds (a watched folder counts as one). */
	files: number;
	/** Watched files below it whose own directory does not exist (yet). */
	readonly nested: Set<string>;
	readonly batch: Batch;
}

function statsOf(path: string): Stats | undefined {
	try {
		return statSync(path, { throwIfNoEntry: false });
	} catch {
		return undefined;
	}
}

function isDirectory(path: string): boolean {
	return statsOf(path)?.isDirectory() === true;
}

/** The directory whose events show that `path` appeared: its own, or the nearest existing one above it. */
function watchDirectoryOf(path: string): string {
	let directory = dirname(path);
	while (!isDirectory(directory)) {
		const parent = dirname(directory);
		if (parent === directory) {
			break;
		}
		directory = parent;
	}
	return directory;
}

const moduleFileName = /^[^.].*\.(?:[cm]?[jt]s|json)$/u;

/** The names of the module files in `folder` (none when it cannot be read). */
function moduleFilesIn(folder: string): Set<string> {
	try {
		return new Set(readdirSync(folder, { withFileTypes: true })
			.filter(entry => !entry.isDirectory() && moduleFileName.test(entry.name))
			.map(entry => entry.name));
	} catch {
		return new Set();
	}
}

/** (Re)starts the debounce of `watched`: `report(path)` once `delayMs` pass without another event. */
function debounce(watched: { timer: NodeJS.Timeout | undefined }, report: (path: string) => void, path: string, delayMs = debounceMs): void {
	clearTimeout(watched.timer);
	watched.timer = setTimeout(report, delayMs, path).unref();
}

function signatureOf(stats: Stats | undefined): string | undefined {
	return stats === undefined ? undefined : `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

export function createModuleWatcher(onChange: (url: string) => void, onError?: (error: unknown) => void, onFolderChange?: FolderChange): ModuleWatcher {
	const files = new Map<string, WatchedFile>();
	const folders = new Map<string, WatchedFolder>();
	const directories = new Map<string, WatchedDirectory>();
	/** Watched files found to be symbolic links: chokidar watches them as files (see above). */
	const links = new Set<string>();
	const watchers = new Set<FSWatcher>();
	/** The batch the next new directories join; started on a later turn. */
	let next: Batch | undefined;
	let closed = false;

	// chokidar asks with `lstat` results while it reads a directory, and without stats afterwards.
	function ignored(path: string, stats?: Stats): boolean {
		if (directories.has(path)) {
			return false;
		}
		if (stats?.isSymbolicLink() === true && files.has(path)) {
			links.add(path);
		}
		return !links.has(path);
	}

	function report(path: string): void {
		const file = files.get(path);
		if (file === undefined) {
			return;
		}
		file.timer = undefined;
		const stats = statsOf(path);
		if (stats?.size === 0 && file.emptyLooks < emptyLooks) {
			// An in-place save truncates the file, then writes it; on a busy machine the write can
			// come well after the debounce, and an empty module read then would fail to link. The
			// write raises an event of its own, which starts the debounce over.
			debounce(file, report, path, debounceMs * 2 ** file.emptyLooks);
			file.emptyLooks++;
			return;
		}
		file.emptyLooks = 0;
		const directory = stats === undefined ? watchDirectoryOf(path) : dirname(path);
		if (directory !== file.directory) {
			moveWatch(path, file, directory);
		}
		const signature = signatureOf(stats);
		if (signature !== undefined && signature !== file.signature) {
			file.signature = signature;
			// A copy: `onChange` may watch or unwatch URLs of this file.
			for (const url of [ ...file.urls ]) {
				onChange(url);
			}
		}
	}

	function schedule(path: string): void {
		const file = files.get(path);
		if (file !== undefined) {
			file.emptyLooks = 0;
			debounce(file, report, path);
		}
	}

	function reportFolder(path: string): void {
		const folder = folders.get(path);
		if (folder === undefined) {
			return;
		}
		folder.timer = undefined;
		const names = moduleFilesIn(path);
		const url = (name: string) => pathToFileURL(join(path, name)).href;
		const added = [ ...names ].filter(name => !folder.names.has(name)).map(url);
		const removed = [ ...folder.names ].filter(name => !names.has(name)).map(url);
		folder.names = names;
		if (added.length > 0 || removed.length > 0) {
			onFolderChange?.(path, added, removed);
		}
	}

	function scheduleFolder(path: string): void {
		const folder = folders.get(path);
		if (folder !== undefined) {
			debounce(folder, reportFolder, path);
		}
	}

	/**
	 * Files whose signature moved since `watch()` while no watch could see it, and files watched
	 * through a directory above their own (which may have appeared meanwhile): looked at as after
	 * an event.
	 */
	async function recheck(paths: Iterable<string>): Promise<void> {
		await Promise.all(Array.from(paths, async path => {
			let stats: Stats | undefined;
			try {
				stats = await stat(path);
			} catch {
				stats = undefined;
			}
			const file = files.get(path);
			if (file !== undefined && file.timer === undefined && (signatureOf(stats) !== file.signature || dirname(path) !== file.directory)) {
				schedule(path);
			}
		}));
	}

	function start(batch: Batch): void {
		if (next !== batch) {
			// Started already, by `flush()`.
			return;
		}
		next = undefined;
		const started = [ ...batch.directories ].filter(directory => directories.get(directory)?.batch === batch);
		batch.watching = started.length;
		if (closed || started.length === 0) {
			batch.recheck = undefined;
			return;
		}
		const watcher = new FSWatcher({ persistent: false, ignoreInitial: true, depth: 0, ignored });
		batch.watcher = watcher;
		watchers.add(watcher);
		// An `error` event without a listener would throw: a failing watcher must not end the app.
		// Listeners come before `add`, which starts work that can fail later.
		watcher.on("error", error => onError?.(error));
		watcher.on("raw", (_event, name, details) => {
			// `watchedPath` is a watched directory (`name` is the entry) or a linked file.
			const watchedPath = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
			if (typeof watchedPath !== "string") {
				return;
			}
			if (links.has(watchedPath)) {
				schedule(watchedPath);
				return;
			}
			scheduleFolder(watchedPath);
			if (typeof name === "string") {
				const entry = join(watchedPath, name);
				schedule(entry);
				for (const nested of directories.get(watchedPath)?.nested ?? []) {
					if (nested.startsWith(entry + sep)) {
						schedule(nested);
					}
				}
			}
		});
		watcher.once("ready", () => {
			const paths = batch.recheck;
			batch.recheck = undefined;
			if (paths !== undefined) {
				void recheck(paths);
			}
			// Their listings were taken before the watch could see a change.
			for (const directory of started) {
				scheduleFolder(directory);
			}
		});
		try {
			watcher.add(started);
		} catch (error) {
			// chokidar uses globals such as `Promise.all` that the application may have replaced.
			batch.recheck = undefined;
			onError?.(error);
		}
	}

	function batchForNewDirectory(): Batch {
		if (next === undefined) {
			const batch: Batch = { directories: new Set(), recheck: new Set(), watcher: undefined, watching: 0 };
			next = batch;
			setImmediate(start, batch).unref();
		}
		return next;
	}

	/**
	 * Watches `path` through `file.directory`; answers whether that directory's watch is set up
	 * already (otherwise its batch compares the file with its baseline once it is).
	 */
	function attach(path: string, file: WatchedFile): boolean {
		const { directory } = file;
		const watched = attachDirectory(directory);
		if (dirname(path) !== directory) {
			watched.nested.add(path);
		}
		if (watched.batch.recheck === undefined) {
			return true;
		}
		watched.batch.recheck.add(path);
		return false;
	}

	/** One more watched file (or folder) in `directory`, which is watched from now on (or its batch's start). */
	function attachDirectory(directory: string): WatchedDirectory {
		let watched = directories.get(directory);
		if (watched === undefined) {
			const batch = batchForNewDirectory();
			batch.directories.add(directory);
			watched = { files: 0, nested: new Set(), batch };
			directories.set(directory, watched);
		}
		++watched.files;
		return watched;
	}

	function detach(path: string, file: WatchedFile): void {
		directories.get(file.directory)?.nested.delete(path);
		detachDirectory(file.directory);
	}

	/** One watched file (or folder) less in `directory`, which is not watched once none is left. */
	function detachDirectory(directory: string): void {
		const watched = directories.get(directory);
		if (watched === undefined || --watched.files > 0) {
			return;
		}
		directories.delete(directory);
		const { batch } = watched;
		if (batch.watcher !== undefined) {
			batch.watcher.unwatch(directory);
			if (--batch.watching === 0) {
				watchers.delete(batch.watcher);
				void batch.watcher.close();
			}
		}
	}

	function flush(): void {
		if (next !== undefined) {
			start(next);
		}
	}

	/** The file's events now come through `directory` (its own appeared, or it was removed). */
	function moveWatch(path: string, file: WatchedFile, directory: string): void {
		detach(path, file);
		if (!closed) {
			file.directory = directory;
			attach(path, file);
			// Now, not on a later turn: this runs off an unref'd timer, and with nothing else
			// to do Node would not come round to an unref'd `setImmediate` until some other event.
			flush();
		}
	}

	return {
		flush,
		watch(url, baseline = "now") {
			const path = fileURLToPath(url);
			const watched = files.get(path);
			if (watched !== undefined) {
				watched.urls.add(url);
				return;
			}
			const stats = baseline === "now" ? statsOf(path) : undefined;
			const directory = stats === undefined ? watchDirectoryOf(path) : dirname(path);
			const file: WatchedFile = { urls: new Set([ url ]), directory, signature: signatureOf(stats), timer: undefined, emptyLooks: 0 };
			files.set(path, file);
			const ready = attach(path, file);
			if (baseline === "missing") {
				if (ready) {
					// Its directory is watched already, so no batch will compare it: it may be there now.
					void recheck([ path ]);
				} else {
					// Asked for by a failed update, when no graph is about to evaluate: nothing to wait for.
					flush();
				}
			}
		},
		unwatch(url) {
			const path = fileURLToPath(url);
			const file = files.get(path);
			if (file?.urls.delete(url) !== true || file.urls.size > 0) {
				return;
			}
			clearTimeout(file.timer);
			files.delete(path);
			if (links.delete(path)) {
				directories.get(file.directory)?.batch.watcher?.unwatch(path);
			}
			detach(path, file);
		},
		watchFolder(path) {
			if (folders.has(path)) {
				return;
			}
			folders.set(path, { names: moduleFilesIn(path), timer: undefined });
			attachDirectory(path);
		},
		unwatchFolder(path) {
			const folder = folders.get(path);
			if (folder === undefined) {
				return;
			}
			clearTimeout(folder.timer);
			folders.delete(path);
			detachDirectory(path);
		},
		async close() {
			closed = true;
			for (const watched of [ ...files.values(), ...folders.values() ]) {
				clearTimeout(watched.timer);
			}
			files.clear();
			folders.clear();
			directories.clear();
			links.clear();
			await Promise.all(Array.from(watchers, watcher => watcher.close()));
			watchers.clear();
		},
	};
}
