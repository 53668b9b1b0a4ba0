import { ns } from "./dep.js";
import { show } from "../report.js";
show("new ns.C()", new ns.C());
show("new ns()", new ns());
show("new ns().constructor === ns", new ns().constructor === ns);
