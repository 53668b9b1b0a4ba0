import { a, increment } from "./dep.js";
import { show } from "../report.js";
show("a", a);
increment();
show("a after increment", a);
export const read = () => a;
