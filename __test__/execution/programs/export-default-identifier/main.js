import value, { change } from "./subject.js";
import { show } from "../report.js";
show("default", value);
change();
show("default after the local changes", value);
