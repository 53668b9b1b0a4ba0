import { createThing, label } from "./shared.js";
import { attempt } from "../report.js";
export const result = createThing("b");
attempt("entry-b result", () => result);
attempt("entry-b label", () => label);
