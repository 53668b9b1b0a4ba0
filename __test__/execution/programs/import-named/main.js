import { read } from "./subject.js";
import { increment } from "./dep.js";
import { show } from "../report.js";
increment();
show("read after second increment", read());
