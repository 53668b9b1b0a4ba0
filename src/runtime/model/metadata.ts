// The metadata the transform reports for one module (transform contract §3), and the export and
// import entries the module algorithms need, computed once per version.

export type BindingMetadata =
	| { readonly type: "import"; readonly name: string; readonly as: string }
	| { readonly type: "importStar"; readonly as: string }
	| { readonly type: "indirectExport"; readonly name: string; readonly as: string }
	| { readonly type: "indirectExportStar"; readonly as: string }
	| { readonly type: "exportStar" };

export interface RequestMetadata {
	readonly specifier: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly bindings: readonly BindingMetadata[];
}

export interface ModuleMetadata {
	readonly prefix: string;
	readonly execute: string;
	readonly async: boolean;
	readonly usesImportMeta: boolean;
	readonly usesDynamicImport: boolean;
	readonly exports: readonly string[];
	readonly requests: readonly RequestMetadata[];
}

/** Stands for "the whole namespace" where the specification writes `all` / `namespace`. */
export const NAMESPACE = Symbol("namespace");
export type ImportName = string | typeof NAMESPACE;

export interface ImportEntry {
	readonly request: number;
	readonly importName: ImportName;
	readonly localName: string;
}

export interface IndirectExportEntry {
	readonly request: number;
	readonly importName: ImportName;
	readonly exportName: string;
}

/** The module record fields of a Source Text Module Record that depend only on the source. */
export interface ModuleEntries {
	readonly importEntries: readonly ImportEntry[];
	readonly localExports: ReadonlySet<string>;
	readonly indirectExports: ReadonlyMap<string, IndirectExportEntry>;
	readonly starExports: readonly number[];
}

export function entriesOf(metadata: ModuleMetadata): ModuleEntries {
	const importEntries: ImportEntry[] = [];
	const indirectExports = new Map<string, IndirectExportEntry>();
	const starExports: number[] = [];
	metadata.requests.forEach((request, index) => {
		for (const binding of request.bindings) {
			switch (binding.type) {
				case "import":
					importEntries.push({ request: index, importName: binding.name, localName: binding.as });
					break;
				case "importStar":
					importEntries.push({ request: index, importName: NAMESPACE, localName: binding.as });
					break;
				case "indirectExport":
					indirectExports.set(binding.as, { request: index, importName: binding.name, exportName: binding.as });
					break;
				case "indirectExportStar":
					indirectExports.set(binding.as, { request: index, importName: NAMESPACE, exportName: binding.as });
					break;
				case "exportStar":
					starExports.push(index);
					break;
			}
		}
	});
	return { importEntries, localExports: new Set(metadata.exports), indirectExports, starExports };
}
