// The adapter: how a module that is not hot (CommonJS, a builtin, a package under node_modules,
// an ignored file, wasm, …) enters the hot graph. Node loads it natively; the adapter module
// default-exports a function handing its namespace to the runtime (docs/architecture.md).

import { attributesClause } from "./import-attributes.js";
import type { ImportAttributes } from "./types.js";

export function makeAdapter(url: string, attributes: ImportAttributes): string {
	return [
		`import * as namespace from ${JSON.stringify(url)}${attributesClause(attributes)};`,
		`export default function module(runtime) { return runtime.adapter(${JSON.stringify(url)}, namespace); }`,
		"",
	].join("\n");
}
