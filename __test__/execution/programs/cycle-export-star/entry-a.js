import { createThing, label } from "./shared.js";
import { attempt } from "../report.js";
export const result = createThing("a");
attempt("entry-a result", () => result);
attempt("entry-a label", () => label);
