// The adapter: how a module that is not hot (CommonJS, a builtin, a package under node_modules,
// an ignored file, wasm, …) enters the hot graph. Node loads it natively; the adapter module
// default-exports a function handing its namespace to the runtime (docs/architecture.md).

import type { ImportAttributes } from "./types.js";

function withClause(attributes: ImportAttributes): string {
	const keys = Object.keys(attributes).sort();
	if (keys.length === 0) {
		// No clause at all: an empty `with {}` is still syntax that Node < 20.10 cannot parse.
		return "";
	}
	return ` with { ${keys.map(key => `${JSON.stringify(key)}: ${JSON.stringify(attributes[key])}`).join(", ")} }`;
}

export function makeAdapter(url: string, attributes: ImportAttributes, runtimeURL: string): string {
	return [
		`import * as namespace from ${JSON.stringify(url)}${withClause(attributes)};`,
		`import * as runtime from ${JSON.stringify(runtimeURL)};`,
		`export default function module() { return runtime.adapter(${JSON.stringify(url)}, namespace); }`,
		"",
	].join("\n");
}
