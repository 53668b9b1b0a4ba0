// A hot module whose source does not parse (a transform error, or JSON that is not JSON). The load
// hook does not throw its error: off-thread hooks (Node 20) hand the main thread a copy that is no
// longer a `SyntaxError` and that Node prints under a line of its own loader. The hooks answer
// these modules instead, which make the error in the main thread when the module is used.
// Node loads the whole graph before it evaluates anything, and stubs run no user code, so no
// module of the application has run when the error is thrown (cold packages that hot modules
// import have, as they always evaluate first under dynohot).

import { transformErrorData, type TransformSyntaxError } from "../transform/error.js";

const errorModuleURL = new URL("../transform/error.js", import.meta.url).href;

// Nothing of the user's is in these modules, so no name can collide with the prefix.
const prefix = "$hot$";

function makeError(error: TransformSyntaxError): string {
	return `${prefix}transformSyntaxError(${JSON.stringify(transformErrorData(error))})`;
}

function importError(): string {
	return `import { transformSyntaxError as ${prefix}transformSyntaxError } from ${JSON.stringify(errorModuleURL)};`;
}

/** The stub of the module: the runtime asks for its controller when it links an importer. */
export function makeFailedStub(error: TransformSyntaxError): string {
	return `${importError()}\nexport default function ${prefix}module() { throw ${makeError(error)}; }\n`;
}

/**
 * The module at its plain URL (the entry, or an importer outside the hot graph): it throws when
 * evaluated. It has no exports: an outside importer that names one fails to link first, with
 * Node's error for the missing name.
 */
export function makeFailedFacade(error: TransformSyntaxError): string {
	return `${importError()}\nthrow ${makeError(error)};\n`;
}
