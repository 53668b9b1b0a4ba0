import { "a b" as ab, "" as empty, "😀" as smile } from "./dep.js";
import * as ns from "./dep.js";
import { show } from "../report.js";
show("ab, empty, smile", [ab, empty, smile]);
show("namespace", ns);
