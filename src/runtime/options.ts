// The runtime's options arrive in the query of its own URL (`…/runtime/index.js?silent=1`), so
// the main thread learns them whichever way the hooks were registered.

export interface RuntimeOptions {
	readonly silent: boolean;
}

export function optionsFromURL(url: string): RuntimeOptions {
	const silent = new URL(url).searchParams.get("silent");
	return { silent: silent !== null && silent !== "0" && silent !== "false" };
}
