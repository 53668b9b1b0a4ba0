import "./subject.js";
