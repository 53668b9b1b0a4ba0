import { data, reexported } from "./subject.js";
import { show, attemptAsync } from "../report.js";
show("same object through the re-export", data === reexported);
const dynamic = await import("./data.json", { with: { type: "json" } });
show("same object through import()", dynamic.default === data);
show("namespace of the JSON module", dynamic);
await attemptAsync("import() without the type attribute", () => import("./data.json"));
await attemptAsync("import() with an unknown type", () => import("./data.json", { with: { type: "text" } }));
