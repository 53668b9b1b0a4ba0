import { a, b, c, change } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("a, b, c", [a, b, c]);
change();
show("a, b, c after change()", [a, b, c]);
show("namespace", subject);
