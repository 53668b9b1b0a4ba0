import "./importer.js";
import "./sibling.js";
console.log("main last");
