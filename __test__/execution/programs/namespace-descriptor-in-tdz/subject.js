import "./early.js";
export let late = "late";
