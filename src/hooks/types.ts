// The parts of Node's module customization hooks that dynohot uses. Declared here because the
// `@types/node` the package builds against (Node 20) knows neither `registerHooks` nor the
// TypeScript formats, and both hook styles (in-thread and off-thread) share these shapes.

export type ImportAttributes = Record<string, string>;

export interface ResolveContext {
	conditions: readonly string[];
	importAttributes: ImportAttributes;
	parentURL: string | undefined;
}

export interface ResolveResult {
	url: string;
	format?: string | null | undefined;
	importAttributes?: ImportAttributes | undefined;
	shortCircuit?: boolean | undefined;
}

/** The next resolve hook in the chain, in either hook style. */
export type AnyNextResolve = (specifier: string, context: ResolveContext) => ResolveResult | Promise<ResolveResult>;

export interface LoadContext {
	/** Not given to off-thread hooks on Node 20. */
	conditions?: readonly string[] | undefined;
	format: string | null | undefined;
	importAttributes: ImportAttributes;
}

export type ModuleSource = string | ArrayBuffer | ArrayBufferView;

export interface LoadResult {
	format: string | null | undefined;
	source?: ModuleSource | null | undefined;
	shortCircuit?: boolean | undefined;
}
