// Import attributes across the Node versions dynohot supports. Node 20.10 renamed import
// assertions to attributes: the hooks' context field (`importAssertions` → `importAttributes`)
// and the syntax (`assert { … }` → `with { … }`) changed together, and Node 22 dropped the old
// spelling of both. Node 20.6–20.9 can parse and hand over only the old one.

import type { ImportAttributes } from "./types.js";

const [ major = 0, minor = 0 ] = process.versions.node.split(".").map(Number);

/** Whether this Node parses `with { … }` (20.10+); otherwise generated code says `assert { … }`. */
export const hasWithSyntax = major > 20 || (major === 20 && minor >= 10);

/** The context fields of a hook call that carry the attributes, in either spelling. */
export interface AttributesFields {
	importAttributes?: ImportAttributes | undefined;
	importAssertions?: ImportAttributes | undefined;
}

/**
 * The attributes of a hook call. `require()` hands over none; Node 20.6–20.9 calls them
 * `importAssertions` (read only when `importAttributes` is missing: later versions warn when the
 * old name is read).
 */
export function attributesOf(context: AttributesFields): ImportAttributes {
	if (context.importAttributes !== undefined) {
		return context.importAttributes;
	}
	return hasWithSyntax ? {} : context.importAssertions ?? {};
}

/** `context` for the next hook with `attributes`, in the spelling this Node reads. */
export function withAttributes<Context extends object>(context: Context, attributes: ImportAttributes): Context & AttributesFields {
	return hasWithSyntax
		? { ...context, importAttributes: attributes }
		: { ...context, importAttributes: attributes, importAssertions: attributes };
}

/** ` with { "type": "json" }` (or ` assert { … }` where Node needs it); nothing without attributes. */
export function attributesClause(attributes: ImportAttributes): string {
	const keys = Object.keys(attributes).sort();
	if (keys.length === 0) {
		// No clause at all: an empty `with {}` is still syntax that Node < 20.10 cannot parse.
		return "";
	}
	const entries = keys.map(key => `${JSON.stringify(key)}: ${JSON.stringify(attributes[key])}`).join(", ");
	return ` ${hasWithSyntax ? "with" : "assert"} { ${entries} }`;
}
