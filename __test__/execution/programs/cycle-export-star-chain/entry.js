// builtAgain is only imported: linking must resolve it through indirect exports and a star export.
import { make, late, builtAgain, buildAgain } from "./hub.js";
import { attempt } from "../report.js";
attempt("make through two star exports", () => make("early"));
attempt("buildAgain through indirect exports of a star export", () => buildAgain("early"));
attempt("late (temporal dead zone)", () => late);
