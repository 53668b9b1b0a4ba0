import data from "./data.json" with { type: "json" };
import { show } from "../report.js";
show("data", data);
export { default as reexported } from "./data.json" with { type: "json" };
export { data };
