import value, { "string name" as y } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("default, y", [value, y]);
show("namespace", subject);
