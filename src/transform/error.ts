// The SyntaxError a transform error is thrown as (docs/transform-contract.md §1), built from the
// error data either backend returns.

/** The fields of a transform error, as the Rust transform reports them. */
export interface TransformErrorData {
	message: string;
	file: string;
	/** 1-based. */
	line: number;
	/** 1-based, in UTF-16 code units. */
	column: number;
	codeFrame: string;
}

/** A transform error: a plain `SyntaxError` carrying the position and the code frame. */
export type TransformSyntaxError = SyntaxError & Readonly<Omit<TransformErrorData, "message">>;

/**
 * A plain `SyntaxError`, not a subclass: Node prints an uncaught error under its constructor's
 * name, and a module that fails to parse must read `SyntaxError: …` as it does without dynohot.
 * The message is one line with the position; the stack (what Node prints for an uncaught error)
 * is the message, the code frame and one frame at the position in the module: the frames of the
 * transform's own code say nothing (and without any frame Node prints the stack in brackets).
 * The fields are not enumerable, so Node does not print them after the stack.
 */
export function transformSyntaxError(data: TransformErrorData): TransformSyntaxError {
	const { file, line, column, codeFrame } = data;
	const error = new SyntaxError(`${data.message} (${file}:${line}:${column})`);
	const field = (value: unknown): PropertyDescriptor => ({ value, enumerable: false, writable: true, configurable: true });
	Object.defineProperties(error, {
		stack: field(`${error.name}: ${error.message}\n${codeFrame}\n    at ${file}:${line}:${column}`),
		file: field(file),
		line: field(line),
		column: field(column),
		codeFrame: field(codeFrame),
	});
	return error as TransformSyntaxError;
}

/** Whether `error` came from the transform (it has a code frame to show instead of a stack). */
export function isTransformSyntaxError(error: unknown): error is TransformSyntaxError {
	return error instanceof SyntaxError && typeof (error as { codeFrame?: unknown }).codeFrame === "string";
}
