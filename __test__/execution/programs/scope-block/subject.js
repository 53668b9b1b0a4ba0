import { a } from "./dep.js";
import { show } from "../report.js";
{
  const a = 1;
  show("block a", a);
}
show("a", a);
if (true) { let a = 2; a++; show("if-block a", a); }
switch (0) { case 0: let a = "switch"; show("switch a", a); }
