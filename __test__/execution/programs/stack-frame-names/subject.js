// The frames of this module's code, as `at <name> (<place>)` or `at <place>`: module top-level code
// is anonymous in plain node, and nothing of dynohot's names shows.
import { make } from "./dep.js";
const here = new URL(import.meta.url).href;
function framesOf(error) {
	return error.stack.split("\n").slice(1)
		.filter(line => line.includes(here) || line.includes("$hot") || line.includes("dep.js"))
		.map(line => line.replaceAll(here, "subject.js").replace(/file:\/\/\S*\/dep\.js/, "dep.js").replace(/:(\d+):\d+/g, ":$1").trim());
}
function named() { return new Error("named"); }
const arrow = () => new Error("arrow");
export const frames = {
	topLevel: framesOf(new Error("top level")),
	named: framesOf(named()),
	arrow: framesOf(arrow()),
	viaImport: framesOf(make()),
	nested: framesOf((() => (function () { return new Error("nested"); })())()),
};
