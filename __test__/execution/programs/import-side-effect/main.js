console.log("main body runs last");
import "./subject.js";
import "./side.js";
