import { show } from "../report.js";
const { frames } = await import("./subject.js");
show("frames", frames);
