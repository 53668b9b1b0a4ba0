// The part of reflect-metadata that decorator metadata uses: `Reflect.metadata(key, value)`
// returns a decorator that records `value` for a class or one of its members; `getMetadata`
// reads it back.
const records = new Map<object, Map<string | symbol | undefined, Map<string, unknown>>>();

function recordsOf(target: object, property: string | symbol | undefined): Map<string, unknown> {
	const ofTarget = records.get(target) ?? new Map<string | symbol | undefined, Map<string, unknown>>();
	records.set(target, ofTarget);
	const ofProperty = ofTarget.get(property) ?? new Map<string, unknown>();
	ofTarget.set(property, ofProperty);
	return ofProperty;
}

Object.assign(Reflect, {
	metadata: (key: string, value: unknown) => (target: object, property?: string | symbol) => {
		recordsOf(target, property).set(key, value);
	},
});

export function getMetadata(key: string, target: object, property?: string | symbol): unknown {
	return recordsOf(target, property).get(key);
}
