// What the function a stub (or an adapter) default-exports is called with: the runtime's entry
// points for registering modules (docs/transform-contract.md §4). Whoever calls the function
// passes them, so stubs and adapters do not import the runtime: that import cost a resolve, a
// module-map lookup and a link for every module.

import { adapterFor } from "./adapter.js";
import { acquireController } from "./controller.js";
import type { StubRuntime } from "./module-record.js";

export const stubRuntime: StubRuntime = { acquire: acquireController, adapter: adapterFor };
