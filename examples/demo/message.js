// Edit the text below and save: the running demo prints the new text on its next tick.
export function describe(tick) {
	return `tick ${tick}: edit examples/demo/message.js and save to see it change`;
}
