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
 */
export function transformSyntaxError(data: TransformErrorData): TransformSyntaxError {
	const { file, line, column, codeFrame } = data;
	const error = new SyntaxError(`${data.message} (${file}:${line}:${column})\n${codeFrame}`);
	return Object.assign(error, { file, line, column, codeFrame });
}

/** Whether `error` came from the transform (it has a code frame to show instead of a stack). */
export function isTransformSyntaxError(error: unknown): error is TransformSyntaxError {
	return error instanceof SyntaxError && typeof (error as { codeFrame?: unknown }).codeFrame === "string";
}
