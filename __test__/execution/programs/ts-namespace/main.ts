import * as subject from "./subject.ts";
import { show } from "../report.js";
show("namespace", subject);
show("N.f(), N.y", [subject.N.f(), subject.N.y]);
