import * as subject from "./subject.ts";
import { show } from "../report.js";
show("namespace", subject);
const c = new subject.C(2);
show("instance", c);
show("own keys", Object.keys(c));
show("sum", c.sum());
show("has z", "z" in c);
