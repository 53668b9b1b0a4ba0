import { show } from "../report.js";
show("this", this);
const f = () => this;
function g() { return this; }
class C { x = this; m() { return this; } static { show("this in a static block is C", this === C); } [this] = 1; }
const o = { m() { return this; }, get g() { return this; } };
show("arrow", f());
show("function", g());
show("class field is the instance", new C().x instanceof C);
show("computed class key", Object.keys(new C()));
show("object method, getter", [o.m() === o, o.g === o]);
export const thisValue = this;
