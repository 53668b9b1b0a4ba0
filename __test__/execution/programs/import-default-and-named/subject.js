import d, { x, y as z } from "./dep.js";
import { show } from "../report.js";
show("d, x, z", [d, x, z]);
