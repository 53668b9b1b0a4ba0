// What a hot module looks like from outside the hot graph. Node evaluates stubs, not user code,
// so a module that is not hot (a package doing `import("/app/config.js")`, an `--import`ed setup
// file) or the entry itself would see nothing but the stub's `default`. At its plain URL a hot
// module is instead a facade: it has the hot graph evaluated by the runtime (as root) and
// exports the module's names as native live bindings.
//
// The export names are mirrored, not computed: `dynohot:bindings?url=U` declares U's local
// exports (one setter each, called by ./live-bindings.ts whenever the running instance writes
// one, so they stay live as in the original) and repeats U's re-exports
// (`export { a as b } from`, `export * as ns from`, `export * from`) against the bindings modules
// of their targets, or against the targets themselves when those are not hot. Node's own
// ResolveExport then decides star-export ambiguity and shadowing exactly as for the originals.

import { attributesClause } from "./import-attributes.js";
import type { ImportAttributes } from "./types.js";
import { bindingsRequestURL, bindingsURL } from "./urls.js";

/** The parts of the transform's metadata (contract §3) that the exports of a module come from. */
export interface ExportsMetadata {
	readonly exports: readonly string[];
	readonly requests: readonly {
		readonly specifier: string;
		readonly attributes: ImportAttributes;
		readonly bindings: readonly { readonly type: string; readonly name?: string; readonly as?: string }[];
	}[];
}

/** Whether the module exports `default` (which `export *` never passes on). */
function exportsDefault(metadata: ExportsMetadata): boolean {
	return metadata.exports.includes("default") ||
		metadata.requests.some(request => request.bindings.some(binding =>
			(binding.type === "indirectExport" || binding.type === "indirectExportStar") && binding.as === "default"));
}

/**
 * The module Node evaluates for the hot module `url` when its plain URL is imported; `importer`:
 * the module that is not hot that imported it first (none for the entry), named in reports.
 */
export function makeFacade(url: string, stub: string, metadata: ExportsMetadata, runtimeURL: string, importer: string | undefined): string {
	const bindings = JSON.stringify(bindingsURL(url));
	const importerArgument = importer === undefined ? "" : `, ${JSON.stringify(importer)}`;
	return [
		`import root from ${JSON.stringify(stub)};`,
		`import * as runtime from ${JSON.stringify(runtimeURL)};`,
		`export * from ${bindings};`,
		...exportsDefault(metadata) ? [ `export { default } from ${bindings};` ] : [],
		// `import.meta.main` of the facade is Node's answer for the module it stands for.
		`await runtime.main(root, import.meta.main === true${importerArgument});`,
		"",
	].join("\n");
}

/** `dynohot:bindings?url=…`: the export names of the hot module `url` as live bindings. */
export function makeBindingsModule(url: string, metadata: ExportsMetadata, liveBindingsURL: string): string {
	const locals = metadata.exports.map((name, index) => ({ name, local: `binding${index}` }));
	const lines = [ `import { followLiveBindings } from ${JSON.stringify(liveBindingsURL)};` ];
	if (locals.length > 0) {
		lines.push(
			`let ${locals.map(({ local }) => local).join(", ")};`,
			`export { ${locals.map(({ name, local }) => `${local} as ${JSON.stringify(name)}`).join(", ")} };`,
		);
	}
	// Computed keys: a plain `"__proto__":` would set the prototype instead.
	const setters = locals.map(({ name, local }) => `, [${JSON.stringify(name)}]: value => { ${local} = value; }`).join("");
	lines.push(`followLiveBindings(${JSON.stringify(url)}, { __proto__: null${setters} });`);
	for (const request of metadata.requests) {
		const from = JSON.stringify(bindingsRequestURL(request.specifier, url, request.attributes));
		for (const binding of request.bindings) {
			switch (binding.type) {
				case "indirectExport":
					lines.push(`export { ${JSON.stringify(binding.name)} as ${JSON.stringify(binding.as)} } from ${from};`);
					break;
				case "indirectExportStar":
					lines.push(`export * as ${JSON.stringify(binding.as)} from ${from};`);
					break;
				case "exportStar":
					lines.push(`export * from ${from};`);
					break;
				default:
					// Imports are no exports.
					break;
			}
		}
	}
	lines.push("");
	return lines.join("\n");
}

/**
 * `dynohot:default?url=…&with=…`: a module that is not hot, re-exported with attributes (JSON,
 * the only kind Node has). Statements in a bindings module carry no attributes, since their
 * target may be another bindings module; this module re-exports the target's one export with them.
 */
export function makeDefaultReexport(url: string, attributes: ImportAttributes): string {
	return `export { default } from ${JSON.stringify(url)}${attributesClause(attributes)};\n`;
}
