// The namespace is read while subject.js (which imports this module) has not run yet.
import * as subject from "./subject.js";
import { attempt } from "../report.js";
attempt("descriptor of a binding in its temporal dead zone", () => Object.getOwnPropertyDescriptor(subject, "late"));
attempt("the binding itself", () => subject.late);
