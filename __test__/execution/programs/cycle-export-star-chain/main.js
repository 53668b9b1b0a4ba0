// Re-export chains through a cycle: entry.js is linked inside the cycle {hub.js, entry.js} before
// linking has reached what hub.js re-exports from: a star export of a star export, and indirect
// exports (of another module) that resolve through star exports.
import "./hub.js";
import * as hub from "./hub.js";
import * as relay from "./relay.js";
import { show } from "../report.js";
show("hub namespace", hub);
show("relay namespace", relay);
