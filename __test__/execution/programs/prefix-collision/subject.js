import { $hot$imports as imported } from "./dep.js";
const $hot$imports = 1;
const value = "$hot1$";
const o = { $hot$x: 1, $hot$link: "link", $hot$meta: "meta" };
let $hot$execute = "execute", $hot$default = "not the default";
console.log($hot$imports, value, imported);
console.log(o.$hot$x, JSON.stringify(o));
export { $hot$execute, $hot$default, $hot$imports };
export default "the default";
