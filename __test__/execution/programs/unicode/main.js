import { é, "😀" as smile } from "./subject.js";
import * as subject from "./subject.js";
import { show } from "../report.js";
show("é, smile", [é, smile, smile.length]);
show("namespace", subject);
