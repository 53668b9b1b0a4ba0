//! The first line of the output: the generator header, the link call with the accessors, and the
//! `yield` that ends instantiation (contract §2). The module body is an anonymous generator that
//! `<prefix>execute` returns a run of: V8 names a frame after its function, and plain node's frames
//! of a module's top-level code have no name. The body ends with `CLOSING`.
//!
//! ```text
//! export let a = 1;    →    "use strict";function $hot$execute($hot$meta, $hot$import, $hot$link) {
//!                           return function* () {let $hot$imports;$hot$link(next => {
//!                           $hot$imports = next; }, { a: () => a });yield;let a = 1;
//!                           }()}
//! ```
//!
//! (one line up to `yield;`, wrapped here for reading).

use std::fmt::Write;

use rustc_hash::FxHashSet;
use swc_core::atoms::Atom;

use crate::analysis::module_items::Accessor;

pub struct PreambleParts<'a> {
    pub prefix: &'a str,
    pub is_async: bool,
    pub accessors: &'a [Accessor],
    /// The hoisted `<prefix>default` function whose `.name` must read `"default"`.
    pub renamed_default_function: Option<&'a str>,
    /// The body assigns to an import: declare the target that throws (see `import_references`).
    pub declares_constant: bool,
    /// The body writes to exports: keep the notification function `$hot$link` answers.
    pub notifies_writes: bool,
    /// The setters destructuring writes to exports go through (see `exported_writes`).
    pub export_setters: Option<&'a str>,
    /// The imported names the body reads: the generator's locals that each read through the
    /// holder is stored in (contract §2).
    pub mirrors: &'a [Atom],
}

/// The imported names an emitter reads, in order of first read, each once: the generator declares
/// a local of each name (contract §2).
#[derive(Default)]
pub struct Mirrors {
    pub names: Vec<Atom>,
    seen: FxHashSet<Atom>,
}

impl Mirrors {
    pub fn note(&mut self, name: &Atom) {
        if self.seen.insert(name.clone()) {
            self.names.push(name.clone());
        }
    }
}

/// What follows the body (after its last line): the end of the generator, called, and of
/// `<prefix>execute`.
pub const CLOSING: &str = "\n}()}";

pub fn preamble(parts: &PreambleParts) -> String {
    let p = parts.prefix;
    let mut text = String::with_capacity(160 + parts.accessors.len() * 24);
    let generator = if parts.is_async {
        "async function*"
    } else {
        "function*"
    };
    let _ = write!(
        text,
        "\"use strict\";function {p}execute({p}meta, {p}import, {p}link) {{return {generator} () {{let {p}imports"
    );
    for mirror in parts.mirrors {
        let _ = write!(text, ", {mirror}");
    }
    text.push(';');
    if parts.declares_constant {
        let _ = write!(
            text,
            "const {p}constant = {{ set value(v) {{ throw new TypeError(\"Assignment to constant variable.\"); }} }};"
        );
    }
    if parts.notifies_writes {
        let _ = write!(text, "const {p}written = ");
    }
    let _ = write!(text, "{p}link(next => {{ {p}imports = next; }}, {{");
    for (index, accessor) in parts.accessors.iter().enumerate() {
        let separator = if index == 0 { " " } else { ", " };
        let _ = write!(
            text,
            "{separator}{}: () => {}",
            property_key(&accessor.name),
            accessor.local
        );
    }
    text.push_str(if parts.accessors.is_empty() {
        "});"
    } else {
        " });"
    });
    if let Some(setters) = parts.export_setters {
        text.push_str(setters);
    }
    if let Some(function) = parts.renamed_default_function {
        let _ = write!(
            text,
            "Object.defineProperty({function}, \"name\", {{ value: \"default\" }});"
        );
    }
    text.push_str("yield;");
    text
}

/// An object literal key for an export name: bare when it is an identifier name, a string
/// otherwise, and always computed for `__proto__` (a plain `__proto__:` would set the prototype).
fn property_key(name: &str) -> String {
    if name == "__proto__" {
        return "[\"__proto__\"]".to_owned();
    }
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        name.to_owned()
    } else {
        serde_json::to_string(name).unwrap_or_default()
    }
}
