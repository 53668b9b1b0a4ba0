import { attempt } from "../report.js";
const type = typeof arguments;
const read = () => arguments;
function own() {
	return arguments.length;
}
attempt("typeof arguments", () => type);
attempt("read()", () => read());
attempt("{ arguments }", () => ({ arguments }));
attempt("own(1, 2)", () => own(1, 2));
attempt("class with [arguments] key", () => class C { [arguments] = 1; });
attempt("class method arguments", () => new (class { method() { return arguments.length; } })().method(1, 2, 3));
export { type, read, own };
