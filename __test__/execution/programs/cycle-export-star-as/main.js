// `export * as ns` through a cycle: entry.js reads namespaces that hub.js re-exports, directly
// and through another module's star export, before linking has reached core.js.
import "./hub.js";
import * as hub from "./hub.js";
import * as core from "./core.js";
import { show } from "../report.js";
show("hub namespace", hub);
show("tools and moreTools are the namespace of core.js", [ hub.tools === core, hub.moreTools === core ]);
