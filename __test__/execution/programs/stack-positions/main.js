import { show } from "../report.js";
process.setSourceMapsEnabled(true);
const { positions } = await import("./subject.js");
show("positions", positions);
