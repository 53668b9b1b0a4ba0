import * as subject from "./subject.js";
import { show } from "../report.js";
show("namespace", subject);
