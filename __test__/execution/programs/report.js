// What the execution programs print: one line per observation, "label value" with the value as
// JSON, so that a run under plain Node and a run under dynohot can be compared as text. A thrown
// error prints as "label threw Name: message".

/**
 * A JSON-able description of any value: primitives JSON cannot hold, functions and module
 * namespace objects are spelled out so that two runs differ exactly when the values differ.
 * @param {unknown} value
 * @param {number} depth how many more levels of objects to open
 * @returns {unknown}
 */
export function describe(value, depth = 3) {
	switch (typeof value) {
		case "undefined":
			return { undefined: true };
		case "number":
			return Number.isFinite(value) && !Object.is(value, -0) ? value : { number: Object.is(value, -0) ? "-0" : String(value) };
		case "bigint":
			return { bigint: String(value) };
		case "symbol":
			return { symbol: String(value) };
		case "function":
			return { function: value.name, length: value.length, kind: Object.getPrototypeOf(value)?.constructor?.name ?? null };
		case "object":
			if (value === null) {
				return null;
			}
			if (value instanceof Error) {
				return { error: errorText(value) };
			}
			if (depth === 0) {
				return { object: Object.prototype.toString.call(value) };
			}
			if (Array.isArray(value)) {
				return value.map(element => describe(element, depth - 1));
			}
			return describeObject(value, depth);
		default:
			return value;
	}
}

/**
 * @param {object} value
 * @param {number} depth
 */
function describeObject(value, depth) {
	// No prototype: an export named `__proto__` is an ordinary key here.
	/** @type {Record<string, unknown>} */
	const properties = Object.create(null);
	for (const key of Reflect.ownKeys(value)) {
		const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
		if (descriptor?.enumerable !== true) {
			continue;
		}
		let described;
		try {
			described = describe(Reflect.get(value, key), depth - 1);
		} catch (error) {
			described = { threw: errorText(error) };
		}
		properties[String(key)] = described;
	}
	return { tag: Object.prototype.toString.call(value), properties };
}

/** @param {unknown} error */
export function errorText(error) {
	return error instanceof Error ? `${error.name}: ${error.message}` : `non-error ${JSON.stringify(describe(error))}`;
}

/**
 * @param {string} label
 * @param {unknown} value
 */
export function show(label, value) {
	console.log(`${label} ${JSON.stringify(describe(value))}`);
}

/**
 * Shows what `action` returns, or the error it throws.
 * @param {string} label
 * @param {() => unknown} action
 */
export function attempt(label, action) {
	let value;
	try {
		value = action();
	} catch (error) {
		console.log(`${label} threw ${errorText(error)}`);
		return;
	}
	show(label, value);
}

/**
 * Shows what `action`'s promise fulfils with, or what it rejects with.
 * @param {string} label
 * @param {() => Promise<unknown>} action
 */
export async function attemptAsync(label, action) {
	let value;
	try {
		value = await action();
	} catch (error) {
		console.log(`${label} threw ${errorText(error)}`);
		return;
	}
	show(label, value);
}
