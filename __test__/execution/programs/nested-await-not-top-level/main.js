import * as subject from "./subject.js";
import "./later.js";
import { show } from "../report.js";
Promise.resolve().then(() => console.log("microtask after main"));
show("namespace", subject);
show("await f()", await subject.f());
