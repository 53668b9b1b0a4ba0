import { f, v, C } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("namespace", subject);
show("C.has(new C()), C.has({})", [typeof C.has(new C()), C.has({})]);
show("f(), v", [f(), v]);
