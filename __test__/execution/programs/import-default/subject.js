import d from "./dep.js";
import { show } from "../report.js";
show("d()", d());
show("d", d);
