//! What the transform learns about a parsed module before producing its body: the checks that
//! reject what the output could not run (nesting, early errors, `this` bound by TypeScript), the
//! facts that choose a producer (names written, names rebound, top-level `await`), the prefix of
//! invented names, and the module's linkage (requests, bindings, accessors).

pub mod early_errors;
pub mod module_items;
pub mod module_scan;
pub mod module_scope;
pub mod nesting;
pub mod prefix;
pub mod this_bindings;
pub mod top_level_await;
pub mod written_names;
