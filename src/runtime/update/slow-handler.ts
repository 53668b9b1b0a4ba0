// Dispose and prune handlers may return a promise, and the update waits for it for as long as it
// takes (an update that went on without it would run new code next to old code still shutting
// down). A promise that never settles therefore holds the update silently, typically a server
// whose close() waits for a keep-alive connection; after a while one line says so.

import type { Logger } from "../report/logger.js";

/** How long handlers may take before the hint is printed. */
export const slowHandlerMs = 5_000;

/** Waits for `handlers` (the dispose or prune handlers of the module at `url`), with the hint when they are slow. */
export async function awaitHandlers<T>(logger: Logger, phase: "dispose" | "prune", url: string, handlers: Promise<T>): Promise<T> {
	// Unref'd: the hint never keeps the process alive by itself.
	const timer = setTimeout(() => logger.slowHandler(phase, url, slowHandlerMs / 1000), slowHandlerMs).unref();
	try {
		return await handlers;
	} finally {
		clearTimeout(timer);
	}
}
