import { ns, other } from "./subject.js";
import * as dep from "./dep.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("namespace", subject);
show("the same namespace object", [ns === other, ns === dep]);
