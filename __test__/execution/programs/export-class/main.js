import { C, D } from "./subject.js";
import { show, attempt } from "../report.js";
show("C, D", [C, D]);
show("new D().p", new D().p);
show("D.s, instanceof", [D.s, new D() instanceof C]);
attempt("C()", () => C());
