// The runtime's options arrive in the query of its own URL (`…/runtime/index.js?silent=1`), so
// the main thread learns them whichever way the hooks were registered (src/hooks/options.ts
// writes the query).

export interface RuntimeOptions {
	readonly silent: boolean;
	readonly sentinel: boolean;
	readonly autoDispose: boolean;
}

function flag(query: URLSearchParams, name: string, fallback: boolean): boolean {
	const value = query.get(name);
	return value === null ? fallback : value !== "0" && value !== "false";
}

export function optionsFromURL(url: string): RuntimeOptions {
	const query = new URL(url).searchParams;
	return { silent: flag(query, "silent", false), sentinel: flag(query, "sentinel", true), autoDispose: flag(query, "auto-dispose", false) };
}
