import value, { replace } from "./subject.js";
import { show } from "../report.js";
show("default", value);
show("default() returns itself", value() === value);
replace();
show("default after named = 'replaced'", value);
