import * as subject from "./subject.js";
import { bump } from "./dep.js";
import { show } from "../report.js";
show("namespace", subject);
bump();
show("namespace after bump()", subject);
