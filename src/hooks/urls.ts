// The `dynohot:` URLs that stubs, adapters and the runtime use to talk to the hooks
// (docs/architecture.md, "`dynohot:` URLs"). Query values are `encodeURIComponent`-encoded and
// import attributes are repeated `with=key%3Dvalue` pairs sorted by key, so one request always
// spells the same URL (Node caches resolutions and modules by URL).

import type { ImportAttributes } from "./types.js";

/** A parsed `dynohot:` URL. */
export type DynohotURL =
	| { kind: "request"; specifier: string; parent: string | undefined; attributes: ImportAttributes }
	| { kind: "adapter"; url: string; attributes: ImportAttributes }
	| { kind: "bindings-request"; specifier: string; parent: string; attributes: ImportAttributes }
	| { kind: "bindings"; url: string }
	| { kind: "default"; url: string; attributes: ImportAttributes }
	| { kind: "resolve"; specifier: string; parent: string };

export const DYNOHOT_SCHEME = "dynohot:";

function attributesQuery(attributes: ImportAttributes): string {
	return Object.keys(attributes)
		.sort()
		.map(key => `&with=${encodeURIComponent(`${key}=${attributes[key]}`)}`)
		.join("");
}

function attributesOf(query: URLSearchParams): ImportAttributes {
	const attributes: ImportAttributes = {};
	for (const pair of query.getAll("with")) {
		const equals = pair.indexOf("=");
		if (equals === -1) {
			throw new TypeError(`dynohot: malformed import attribute '${pair}'`);
		}
		attributes[pair.slice(0, equals)] = pair.slice(equals + 1);
	}
	return attributes;
}

export function requestURL(specifier: string, attributes: ImportAttributes): string {
	return `dynohot:request?specifier=${encodeURIComponent(specifier)}${attributesQuery(attributes)}`;
}

export function adapterURL(url: string, attributes: ImportAttributes): string {
	return `dynohot:adapter?url=${encodeURIComponent(url)}${attributesQuery(attributes)}`;
}

export function bindingsRequestURL(specifier: string, parent: string, attributes: ImportAttributes): string {
	return `dynohot:bindings-request?specifier=${encodeURIComponent(specifier)}&parent=${encodeURIComponent(parent)}${attributesQuery(attributes)}`;
}

export function bindingsURL(url: string): string {
	return `dynohot:bindings?url=${encodeURIComponent(url)}`;
}

export function defaultURL(url: string, attributes: ImportAttributes): string {
	return `dynohot:default?url=${encodeURIComponent(url)}${attributesQuery(attributes)}`;
}

function required(query: URLSearchParams, name: string, url: string): string {
	const value = query.get(name);
	if (value === null) {
		throw new TypeError(`dynohot: '${url}' has no '${name}'`);
	}
	return value;
}

export function parseDynohotURL(url: string): DynohotURL {
	const question = url.indexOf("?");
	const kind = url.slice(DYNOHOT_SCHEME.length, question === -1 ? undefined : question);
	const query = new URLSearchParams(question === -1 ? "" : url.slice(question + 1));
	switch (kind) {
		case "request":
			return {
				kind,
				specifier: required(query, "specifier", url),
				parent: query.get("parent") ?? undefined,
				attributes: attributesOf(query),
			};
		case "adapter":
			return { kind, url: required(query, "url", url), attributes: attributesOf(query) };
		case "bindings-request":
			return {
				kind,
				specifier: required(query, "specifier", url),
				parent: required(query, "parent", url),
				attributes: attributesOf(query),
			};
		case "bindings":
			return { kind, url: required(query, "url", url) };
		case "default":
			return { kind, url: required(query, "url", url), attributes: attributesOf(query) };
		case "resolve":
			return { kind, specifier: required(query, "specifier", url), parent: required(query, "parent", url) };
		default:
			throw new TypeError(`dynohot: unknown URL '${url}'`);
	}
}

// A hot module's stub lives at `<url>?dynohot-version=n` (`&dynohot-version=n` when the URL
// already has a query): n = 0 for the first load, n > 0 for a version an earlier loader rewrote,
// loaded again through the hooks. The plain URL stays the module's public face: what importers
// outside the hot graph, `import.meta.resolve` and the entry see (./facade.ts).
const versionParameter = /[?&]dynohot-version=(\d+)(?=&|#|$)/;

/** The URL of the stub of `version` of the hot module at `url`. */
export function stubURL(url: string, version: number): string {
	const hash = url.indexOf("#");
	const base = hash === -1 ? url : url.slice(0, hash);
	const fragment = hash === -1 ? "" : url.slice(hash);
	return `${base}${base.includes("?") ? "&" : "?"}dynohot-version=${version}${fragment}`;
}

/** Splits a stub URL into the module's own URL and its version; `undefined` for any other URL. */
export function splitStubURL(url: string): { url: string; version: number } | undefined {
	const match = versionParameter.exec(url);
	if (match === null) {
		return undefined;
	}
	const rest = url.slice(match.index + match[0].length);
	// Keep the rest of the query, if any, behind the original separator.
	const plain = url.slice(0, match.index) + (rest.startsWith("&") ? match[0][0] + rest.slice(1) : rest);
	return { url: plain, version: Number(match[1]) };
}

/** The module's own URL, with no `dynohot-version`. */
export function plainURL(url: string): string {
	return splitStubURL(url)?.url ?? url;
}
