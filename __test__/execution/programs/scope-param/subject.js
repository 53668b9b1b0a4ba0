import { a } from "./dep.js";
import { show } from "../report.js";
function f(a) { return a; }
const g = (a) => a;
const h = ({ a }) => a;
const i = ([a]) => a;
const j = (...a) => a;
function k(b = a) { return b; }
function l(a, b = a) { return b; }
show("results", [f("param"), g("arrow"), h({ a: "destructured" }), i(["array"]), j("rest"), k(), l("earlier param")]);
