// The stub: the ES module the load hook answers for a hot file, at the file's own URL
// (docs/transform-contract.md §4). The transformed code comes first so its lines stay where they
// were in the source; the glue that hands the module to the runtime is appended after it.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CompilerOptions } from "../transform/backend.js";
import { buildIdentity } from "../transform/build-identity.js";
import type { HotFormat } from "./hot-format.js";
import { requestURL } from "./urls.js";
import type { ImportAttributes } from "./types.js";

/** The parts of the transform's metadata (contract §3) that the glue refers to. */
export interface StubMetadata {
	readonly prefix: string;
	readonly execute: string;
	readonly requests: readonly { readonly specifier: string; readonly attributes: ImportAttributes }[];
}

/** How the runtime loads the next version (contract §4, `acquire`'s `source`). */
export interface VersionSource {
	readonly format: HotFormat;
	readonly reload: "file" | "hooks";
	/** The file has JSX (`.tsx`, `.jsx`). */
	readonly jsx?: boolean;
	/** What tsconfig.json asks of the transform, as it was when the first version loaded. */
	readonly compilerOptions?: CompilerOptions;
}

export interface StubInput {
	/** The module's plain `file:` URL (no `dynohot-version`). */
	readonly url: string;
	readonly version: number;
	/** The transformed code (or the JSON module body): declares `metadata.execute`. */
	readonly code: string;
	readonly map: string | undefined;
	/** Serialised as is into the stub: the runtime receives every field the transform reported. */
	readonly metadata: StubMetadata;
	readonly source: VersionSource;
}

let glueIdentity: string | undefined;

/**
 * What identifies the glue `makeStub` writes, for the persistent cache, which keeps finished stubs:
 * the package's version and the build of this file and of the URLs it writes (./urls.ts). Any
 * rebuild changes it; the version covers installs, where npm gives every file the same time.
 */
export function stubGlueIdentity(): string {
	glueIdentity ??= [
		`dynohot ${packageVersion()}`,
		...[ "./stub.js", "./urls.js" ].map(file => buildIdentity(fileURLToPath(new URL(file, import.meta.url)))),
	].join(", ");
	return glueIdentity;
}

function packageVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
	return String(manifest.version);
}

export function inlineSourceMap(map: string): string {
	return `//# sourceMappingURL=data:application/json;base64,${Buffer.from(map, "utf8").toString("base64")}`;
}

export function makeStub(input: StubInput): string {
	const { url, version, code, map, metadata, source } = input;
	const { prefix, execute, requests } = metadata;
	const dependencies = requests.map((_request, index) => `${prefix}${index}`);
	const lines = [
		code,
		`export default function ${prefix}module(${prefix}runtime) { return ${prefix}runtime.acquire(` +
			`${JSON.stringify(url)}, ${version}, ${execute}, ${JSON.stringify(metadata)}, ` +
			`[${dependencies.join(", ")}], ${JSON.stringify(source)}); }`,
		...requests.map((request, index) =>
			`import ${dependencies[index]} from ${JSON.stringify(requestURL(request.specifier, request.attributes))};`),
	];
	// The stub lives at `<url>?dynohot-version=n`; stack traces name the module's own URL.
	lines.push(`//# sourceURL=${url}`);
	if (map !== undefined) {
		lines.push(inlineSourceMap(map));
	}
	return `${lines.join("\n")}\n`;
}

// A JSON module has no source to transform: its body is made here, in the shape the transform
// produces (contract §2), with the one export `default`.
const jsonPrefix = "$hot$";

export const jsonMetadata = {
	prefix: jsonPrefix,
	execute: `${jsonPrefix}execute`,
	async: false,
	usesImportMeta: false,
	usesDynamicImport: false,
	exports: [ "default" ],
	requests: [],
} as const;

/** The body of a JSON module whose text is `json` (already known to parse). */
export function makeJsonBody(json: string): string {
	const p = jsonPrefix;
	return `"use strict";function* ${p}execute(${p}meta, ${p}import, ${p}link) {` +
		`${p}link(() => {}, { "default": () => ${p}json });yield;` +
		`const ${p}json = JSON.parse(${JSON.stringify(json)});}`;
}
