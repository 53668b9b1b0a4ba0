export function tag(strings, ...values) {
	return [strings, values, strings.raw, this, Object.isFrozen(strings)];
}
