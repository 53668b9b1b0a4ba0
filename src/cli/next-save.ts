// After a restart that failed (the new app crashed at startup, or did not get ready), the next
// save anywhere in the project tries again: the running app may not watch the file that broke the
// new one (a file only the new code imports), and an app stuck in an update reports nothing.

import { watch } from "chokidar";

const notTheProject = /(?:^|[/\\])(?:node_modules|\.git)(?:[/\\]|$)/u;

/** Calls `onSave` once, at the first change of a file under `directory`; answers a function that stops waiting. */
export function waitForNextSave(directory: string, onSave: () => void): () => void {
	const watcher = watch(directory, { ignoreInitial: true, ignored: notTheProject });
	const stop = (): void => void watcher.close();
	watcher.once("all", () => {
		stop();
		onSave();
	});
	return stop;
}
