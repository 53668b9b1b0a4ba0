import { get, gen } from "./subject.js";
import { set } from "./dep.js";
import { show } from "../report.js";
const read = get();
const iterator = gen();
set(2);
show("closure and generator see the new value", [read(), iterator.next().value]);
