// The interface every transform backend (native binding, wasm) implements: docs/transform-contract.md §1, §3.

export interface TransformOptions {
	/** The module's `file:` URL: the source map's `sources` and the error's `file`. */
	url: string;
	/** Parse as TypeScript and strip the types. */
	typescript?: boolean;
	/** Parse JSX (`.tsx`, `.jsx`) and compile it as `compilerOptions.jsx` says. */
	jsx?: boolean;
	/** The tsconfig.json options that change what code runs. */
	compilerOptions?: CompilerOptions;
	/** Produce `map`. */
	sourceMap?: boolean;
	/** V3 source map JSON of an earlier stage; the output map is chained through it. */
	inputSourceMap?: string;
}

/**
 * The `compilerOptions` of tsconfig.json that change the code the transform emits, with tsc's
 * names and values (README, TypeScript).
 */
export interface CompilerOptions {
	/** `react-jsx`, `react-jsxdev`, `react` or `preserve` (an error: node cannot run JSX); without it, as `react`. */
	jsx?: string;
	jsxFactory?: string;
	jsxFragmentFactory?: string;
	jsxImportSource?: string;
	experimentalDecorators?: boolean;
	emitDecoratorMetadata?: boolean;
	verbatimModuleSyntax?: boolean;
}

export type ModuleBinding =
	| { type: "import"; name: string; as: string }
	| { type: "importStar"; as: string }
	| { type: "indirectExport"; name: string; as: string }
	| { type: "indirectExportStar"; as: string }
	| { type: "exportStar" };

export interface ModuleRequest {
	/** The specifier as written in the source. */
	specifier: string;
	/** Import attributes, `{}` when none. */
	attributes: Record<string, string>;
	bindings: ModuleBinding[];
}

export interface ModuleMetadata {
	/** The prefix of every name the transform invents (`$hot$`, `$hot1$`, …). */
	prefix: string;
	/** The name of the generator function declaration. */
	execute: string;
	/** The module awaits at top level: the generator is an async generator. */
	async: boolean;
	usesImportMeta: boolean;
	usesDynamicImport: boolean;
	/** Local export names: the keys of the accessors. */
	exports: string[];
	/** `[[RequestedModules]]`, in source order. */
	requests: ModuleRequest[];
}

export interface TransformResult {
	code: string;
	map: string | undefined;
	metadata: ModuleMetadata;
}

export interface TransformBackend {
	readonly name: "native" | "wasm";
	/** Identifies the output of this build (./build-identity.ts): the persistent cache keys on it. */
	readonly version: string;
	transformSync(source: string | Uint8Array, options: TransformOptions): TransformResult;
	transform(source: string | Uint8Array, options: TransformOptions): Promise<TransformResult>;
}
