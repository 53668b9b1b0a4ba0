import { line } from "./subject.js";
import { show } from "../report.js";
show("line of the stack frame", line);
