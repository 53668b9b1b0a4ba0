import { OnlyType, used } from "./dep.ts";
const v: OnlyType = used;
export { v };
