// Watches the files of hot modules (SPEC §7) with chokidar, and reports each save once.
//
// - The process is never kept alive: chokidar's `persistent: false` opens every `fs.watch` with
//   `persistent: false`, and the debounce timers are unref'd.
// - chokidar watches the *directories* of the files (depth 0, everything else in them ignored).
//   A watch on the file itself follows its inode: chokidar loses a file that is deleted and
//   created again (it only looks for the return of a deleted file when it is the one file
//   watched), and an atomic save replaces the inode. The directory sees every write, `touch`,
//   rename and re-creation of its entries.
// - Raw events count, not only chokidar's `change`: chokidar drops a `change` that follows another
//   within 50ms for the same file, which would lose a second save or the end of a slow write.
// - A burst of events is one change, looked at `debounceMs` after the last event: nothing is
//   reported when the file does not exist then (a delete alone) or when its identity, size and
//   times are what they were at the last report (one save raises several events, some of which
//   arrive after the report). A file found empty is looked at once more, a debounce later.

import { type FSWatcher, watch as chokidarWatch } from "chokidar";
import { type Stats, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ModuleWatcher {
	watch(url: string): void;
	unwatch(url: string): void;
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

interface WatchedFile {
	readonly url: string;
	/** Identity, size and times at the last report (or when the watch started). */
	signature: string | undefined;
	timer: NodeJS.Timeout | undefined;
	/** Found empty once since the last event: the next look reports it even if it still is. */
	seenEmpty: boolean;
}

function statsOf(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

function signatureOf(stats: Stats | undefined): string | undefined {
	return stats === undefined ? undefined : `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

export function createModuleWatcher(onChange: (url: string) => void, onError?: (error: unknown) => void): ModuleWatcher {
	const files = new Map<string, WatchedFile>();
	/** Watched directories → how many watched files each holds. */
	const directories = new Map<string, number>();
	const watcher: FSWatcher = chokidarWatch([], {
		persistent: false,
		ignoreInitial: true,
		depth: 0,
		ignored: path => !files.has(path) && !directories.has(path),
	});

	function report(path: string): void {
		const file = files.get(path);
		if (file === undefined) {
			return;
		}
		file.timer = undefined;
		const stats = statsOf(path);
		if (stats?.size === 0 && !file.seenEmpty) {
			// An in-place save truncates the file, then writes it; on a busy machine the write can
			// come later than the debounce. An empty file is looked at once more before it counts.
			file.seenEmpty = true;
			file.timer = setTimeout(report, debounceMs, path).unref();
			return;
		}
		file.seenEmpty = false;
		const signature = signatureOf(stats);
		if (signature !== undefined && signature !== file.signature) {
			file.signature = signature;
			onChange(file.url);
		}
	}

	function schedule(path: string): void {
		const file = files.get(path);
		if (file !== undefined) {
			clearTimeout(file.timer);
			file.seenEmpty = false;
			file.timer = setTimeout(report, debounceMs, path).unref();
		}
	}

	watcher.on("change", schedule);
	watcher.on("add", schedule);
	watcher.on("raw", (_event, name, details) => {
		// `watchedPath` is a watched directory (`name` is the entry) or a file chokidar watches too.
		const watchedPath = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
		if (typeof watchedPath === "string") {
			schedule(files.has(watchedPath) ? watchedPath : join(watchedPath, name));
		}
	});
	// An `error` event without a listener would throw: a failing watcher must not end the app.
	watcher.on("error", error => onError?.(error));

	return {
		watch(url) {
			const path = fileURLToPath(url);
			if (files.has(path)) {
				return;
			}
			files.set(path, { url, signature: signatureOf(statsOf(path)), timer: undefined, seenEmpty: false });
			const directory = dirname(path);
			const count = directories.get(directory) ?? 0;
			directories.set(directory, count + 1);
			if (count === 0) {
				watcher.add(directory);
			}
		},
		unwatch(url) {
			const path = fileURLToPath(url);
			const file = files.get(path);
			if (file === undefined) {
				return;
			}
			clearTimeout(file.timer);
			files.delete(path);
			const directory = dirname(path);
			const count = (directories.get(directory) ?? 1) - 1;
			if (count === 0) {
				directories.delete(directory);
				watcher.unwatch(directory);
			} else {
				directories.set(directory, count);
			}
		},
		async close() {
			for (const file of files.values()) {
				clearTimeout(file.timer);
			}
			files.clear();
			directories.clear();
			await watcher.close();
		},
	};
}
