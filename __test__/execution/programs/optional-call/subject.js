import { f, missing } from "./dep.js";
import { show } from "../report.js";
show("f?.()", f?.());
show("f?.x()", f?.x());
show("missing?.()", missing?.());
show("missing?.x()", missing?.x());
