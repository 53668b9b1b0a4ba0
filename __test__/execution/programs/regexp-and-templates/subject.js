import { a } from "./dep.js";
import { show } from "../report.js";
const r = /a/g;
const t = `a ${a} ${`nested ${a}`}`;
show("t", t);
show("regexp", ["banana".replace(r, "o"), r.flags, r.source, /[/]a\//.test("/a/")]);
show("division, not regexp", [a.length / 2 / 1]);
