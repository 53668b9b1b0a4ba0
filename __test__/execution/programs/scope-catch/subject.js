import { e } from "./dep.js";
import { show } from "../report.js";
try { throw 1; } catch (e) { show("catch param", e); }
try { throw { e: "destructured" }; } catch ({ e }) { show("catch destructuring", e); }
try { throw 1; } catch { show("no catch binding", e); }
show("e after", e);
