import { tag } from "./dep.js";
import { show } from "../report.js";
show("tag`hello ${1}`", tag`hello ${1}`);
const sites = [];
for (let i = 0; i < 2; i++) sites.push(tag`same site ${i}`);
show("the same call site passes the same strings object", sites[0][0] === sites[1][0]);
show("raw strings", tag`\n${2}\u0041`[2]);
