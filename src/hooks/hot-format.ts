// Which resolved modules are hot (docs/architecture.md): a `file:` URL that is not one of
// dynohot's own files or of its dependencies (./own-packages.ts), does not match `ignore`, and
// loads as an ES module (JavaScript or TypeScript) or as JSON imported `with { type: "json" }`.
// Everything else is an adapter.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import { isOwnFile } from "./own-packages.js";
import type { ImportAttributes } from "./types.js";

/** How a hot module's source is turned into its body; the `format` the runtime receives. */
export type HotFormat = "javascript" | "typescript" | "json";

const typeScriptExtension = /\.(?:m?ts|tsx)$/;
const jsxExtension = /\.[jt]sx$/;
const ambiguousExtension = /(?:\.js|\/[^./]*)$/;

export function isTypeScriptURL(url: string): boolean {
	return typeScriptExtension.test(new URL(url).pathname);
}

/** `.tsx` and `.jsx`: files with JSX, which Node loads neither of. */
export function isJsxURL(url: string): boolean {
	return jsxExtension.test(new URL(url).pathname);
}

// Node leaves the format open (null or undefined) for a `.js` or extensionless file in a package
// without `"type"`, and decides at load time by syntax: a file that does not compile as a CommonJS
// function body (it has `import`/`export`, `import.meta` or top-level `await`) is an ES module.
// The hooks must decide at resolve time whether an importer gets a stub or an adapter, so they
// apply the same rule here.
// The answer is kept per URL: a file is resolved once per importer, and whatever it is at its
// first load is what Node keeps.
const moduleSyntax = new Map<string, boolean>();

function containsModuleSyntax(url: string): boolean {
	let answer = moduleSyntax.get(url);
	if (answer === undefined) {
		answer = compilesAsModuleOnly(url);
		moduleSyntax.set(url, answer);
	}
	return answer;
}

function compilesAsModuleOnly(url: string): boolean {
	let source: string;
	try {
		source = readFileSync(fileURLToPath(url), "utf8");
	} catch {
		// Unreadable: let Node load it natively and report what it finds.
		return false;
	}
	try {
		compileFunction(source, ["exports", "require", "module", "__filename", "__dirname"]);
		return false;
	} catch {
		return true;
	}
}

/**
 * The hot format of a resolved module, or `undefined` when it is not hot. `format` is the hint the
 * resolve chain gave; `plainURL` has no `dynohot-version` parameter.
 */
export function hotFormatOf(
	plainURL: string,
	format: string | null | undefined,
	attributes: ImportAttributes,
	ignore: RegExp,
): HotFormat | undefined {
	if (!plainURL.startsWith("file:") || isOwnFile(plainURL)) {
		return undefined;
	}
	ignore.lastIndex = 0;
	if (ignore.test(plainURL)) {
		return undefined;
	}
	const attributeKeys = Object.keys(attributes);
	if (attributeKeys.length > 0) {
		// Only JSON has a hot form; any other attribute is left to Node to accept or reject.
		const onlyJSON = attributeKeys.length === 1 && attributes["type"] === "json";
		return onlyJSON && format === "json" ? "json" : undefined;
	}
	switch (format) {
		case "module":
			return "javascript";
		case "module-typescript":
			return "typescript";
		case null:
		case undefined: {
			const { pathname } = new URL(plainURL);
			if (typeScriptExtension.test(pathname)) {
				// Node 20 (or Node 22 without type stripping) knows no format for TypeScript; the
				// transform strips the types itself.
				return "typescript";
			}
			if (jsxExtension.test(pathname)) {
				return "javascript";
			}
			return ambiguousExtension.test(pathname) && containsModuleSyntax(plainURL) ? "javascript" : undefined;
		}
		default:
			return undefined;
	}
}
