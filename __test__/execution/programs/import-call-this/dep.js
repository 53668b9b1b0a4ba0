export function f(...args) {
	if (new.target) { this.args = args; return; }
	return [args, this === o ? "o" : this];
}
export const o = { f };
