import { f, g, h, i } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("namespace", subject);
show("f()", f());
show("[...g()]", [...g()]);
show("await h()", await h());
for await (const value of i()) show("i() yields", value);
