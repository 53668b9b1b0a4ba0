import { arrowConditional, arrowSequence, counter, results } from "./subject.js";
import { show } from "../report.js";
show("results", results);
show("counter", counter);
show("arrow conditional", arrowConditional());
show("arrow sequence", arrowSequence());
