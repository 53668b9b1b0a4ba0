import * as subject from "./subject.js";
import * as dep from "./dep.js";
import { show } from "../report.js";
show("namespace", subject);
show("ns is the namespace of dep.js", [subject.ns === dep, subject["string ns"] === dep]);
