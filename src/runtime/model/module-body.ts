// The shape of a transformed module's body, as the transform writes it
// (docs/transform-contract.md §2, §4): a generator function called with `import.meta`, `import()`
// and the link callback, through which the body hands over its import holder's rebinder and its
// export accessors. Plain types, imported by the model and by whoever calls a body.

export type ImportMetaObject = Record<string, unknown>;
export type DynamicImport = (specifier: unknown, options?: unknown) => Promise<unknown>;
export type ImportHolder = Record<string, () => unknown>;
export type Rebind = (holder: ImportHolder) => void;
export type Accessors = Readonly<Record<string, () => unknown>>;
/**
 * What `$hot$link` answers (contract §2): the body calls it after each write to an exported
 * binding, with the export name and the value of the writing expression, which it returns.
 */
export type WrittenExport = (name: string, value?: unknown) => unknown;
/** Answers the function the body calls after each write to one of its exported bindings (contract §4). */
export type LinkCallback = (rebind: Rebind, accessors: Accessors) => WrittenExport;
export type ModuleBody =
	| ((meta: ImportMetaObject, dynamicImport: DynamicImport, link: LinkCallback) => Generator<undefined, void, undefined>)
	| ((meta: ImportMetaObject, dynamicImport: DynamicImport, link: LinkCallback) => AsyncGenerator<undefined, void, undefined>);
