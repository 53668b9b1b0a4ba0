import { a } from "./dep.js";
import { show } from "../report.js";
const o = { a: 1, [a]: 2, a() { return "method"; }, get a2() { return a; } };
class C { a = 1; static a() { return "static"; } #a = 2; [a] = 3; get(){ return [this.#a, this.a, this[a]]; } }
show("o keys", Object.keys(o));
show("o.a()", o.a());
show("o.a2", o.a2);
show("o.computed", o.computed);
show("C.a()", C.a());
show("new C().get()", new C().get());
