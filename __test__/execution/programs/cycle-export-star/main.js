// `export *` through a cycle: entry-b.js enters the cycle {shared.js, entry-a.js} at shared.js, so
// entry-a.js is linked, and resolves a name through shared.js's star export, before linking has
// reached core.js. A function is callable there; a const is still in its temporal dead zone.
import "./entry-b.js";
import "./entry-a.js";
import * as shared from "./shared.js";
import { show } from "../report.js";
show("shared namespace", shared);
