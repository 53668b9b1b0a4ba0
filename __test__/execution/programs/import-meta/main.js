import { meta, getMeta } from "./subject.js";
import { show } from "../report.js";
show("meta from a closure is the same object", meta === getMeta());
show("main's import.meta is another object", meta !== import.meta);
show("main's url", import.meta.url.endsWith("/import-meta/main.js"));
