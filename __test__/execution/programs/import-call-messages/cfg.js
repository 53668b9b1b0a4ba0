export const cfg = { port: 8080 };
export let later = "not yet a function";
export function becomeCallable() {
	later = () => "called";
}
export function self() {
	return this;
}
export default { plain: true };
