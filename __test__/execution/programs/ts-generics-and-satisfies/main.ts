import * as subject from "./subject.ts";
import { show } from "../report.js";
show("namespace", subject);
