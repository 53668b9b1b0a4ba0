import { a } from "./dep.js";
import { show } from "../report.js";
class C extends a {
  [a] = a;
  static [a] = a;
  m(a) { return a; }
  static { show("static block a is the import", this.key === a); }
}
show("instance keys", Object.keys(new C()));
show("instance field is the import", new C().key === a);
show("method param shadows", new C().m("param"));
show("inherited", new C().inherited());
