import * as ns from "./dep.js";
export { ns, ns as other };
