import * as subject from "./subject.js";
import { bump } from "./dep.js";
import { show, attempt } from "../report.js";
show("namespace", subject);
bump();
attempt("a after bump() (live through the re-export)", () => subject.a);
