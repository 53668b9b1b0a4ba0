import { "a b" as ab, "" as empty } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("ab, empty", [ab, empty]);
show("namespace", subject);
