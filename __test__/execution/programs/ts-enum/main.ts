import * as subject from "./subject.ts";
import { show } from "../report.js";
show("namespace", subject);
show("reverse mapping", [subject.Color[0], subject.Color[5]]);
