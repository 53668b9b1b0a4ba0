import * as subject from "./subject.js";
import { __proto__ as proto } from "./subject.js";
import { show } from "../report.js";
show("namespace", subject);
show("subject.__proto__", subject.__proto__);
show("imported __proto__", proto);
show("prototype is null", Object.getPrototypeOf(subject) === null);
show("own keys", Object.keys(subject));
