//! The metadata the runtime links with (contract §3).
//!
//! ```text
//! import { a } from "./dep.js";     →    {"prefix":"$hot$","execute":"$hot$execute","async":false,
//! export const b = a;                     "usesImportMeta":false,"usesDynamicImport":false,
//!                                         "exports":["b"],"requests":[{"specifier":"./dep.js",
//!                                         "attributes":{},"bindings":[{"type":"import","name":"a",
//!                                         "as":"a"}]}]}
//! ```

use serde::Serialize;

use crate::output::json_string::{ascii_json, push_json_string};

/// What a module imports and exports, and which module-only features it uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleMetadata {
    /// The prefix every invented name starts with (`$hot$`, `$hot1$`, …).
    pub prefix: String,
    /// The name of the generator function declaration.
    pub execute: String,
    /// The module uses top-level `await`: the generator is an async generator.
    pub r#async: bool,
    pub uses_import_meta: bool,
    pub uses_dynamic_import: bool,
    /// Local export names, the keys of the accessors, in source order.
    pub exports: Vec<String>,
    /// `[[RequestedModules]]`: one entry per distinct (specifier, attributes), in source order.
    pub requests: Vec<ModuleRequest>,
}

/// One requested module and what the module takes from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleRequest {
    pub specifier: String,
    /// Import attributes, sorted by key.
    pub attributes: std::collections::BTreeMap<String, String>,
    pub bindings: Vec<Binding>,
}

/// One name that flows through a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Binding {
    /// `import { name as as }`; `import as from` has name `default`.
    Import { name: String, r#as: String },
    /// `import * as as`
    ImportStar { r#as: String },
    /// `export { name as as } from`, or the re-export of an imported name.
    IndirectExport { name: String, r#as: String },
    /// `export * as as from`
    IndirectExportStar { r#as: String },
    /// `export * from`
    ExportStar,
}

impl ModuleMetadata {
    /// The metadata as JSON text, as `serde_json` writes it but for non-ASCII characters, which
    /// are escaped. One string crosses to JavaScript faster than a tree of objects; written here,
    /// it costs half of what the generic serialiser took for a small module.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(160 + 96 * self.requests.len());
        out.extend_from_slice(b"{\"prefix\":");
        push_json_string(&mut out, &self.prefix);
        out.extend_from_slice(b",\"execute\":");
        push_json_string(&mut out, &self.execute);
        for (key, value) in [
            ("async", self.r#async),
            ("usesImportMeta", self.uses_import_meta),
            ("usesDynamicImport", self.uses_dynamic_import),
        ] {
            out.extend_from_slice(b",\"");
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(if value { b"\":true" } else { b"\":false" });
        }
        out.extend_from_slice(b",\"exports\":[");
        for (index, name) in self.exports.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            push_json_string(&mut out, name);
        }
        out.extend_from_slice(b"],\"requests\":[");
        for (index, request) in self.requests.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            request.push_json(&mut out);
        }
        out.extend_from_slice(b"]}");
        ascii_json(out)
    }
}

impl ModuleRequest {
    fn push_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"specifier\":");
        push_json_string(out, &self.specifier);
        out.extend_from_slice(b",\"attributes\":{");
        for (index, (key, value)) in self.attributes.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            push_json_string(out, key);
            out.push(b':');
            push_json_string(out, value);
        }
        out.extend_from_slice(b"},\"bindings\":[");
        for (index, binding) in self.bindings.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            binding.push_json(out);
        }
        out.extend_from_slice(b"]}");
    }
}

impl Binding {
    fn push_json(&self, out: &mut Vec<u8>) {
        let (kind, name, r#as) = match self {
            Binding::Import { name, r#as } => ("import", Some(name), Some(r#as)),
            Binding::ImportStar { r#as } => ("importStar", None, Some(r#as)),
            Binding::IndirectExport { name, r#as } => ("indirectExport", Some(name), Some(r#as)),
            Binding::IndirectExportStar { r#as } => ("indirectExportStar", None, Some(r#as)),
            Binding::ExportStar => ("exportStar", None, None),
        };
        out.extend_from_slice(b"{\"type\":\"");
        out.extend_from_slice(kind.as_bytes());
        out.push(b'"');
        if let Some(name) = name {
            out.extend_from_slice(b",\"name\":");
            push_json_string(out, name);
        }
        if let Some(r#as) = r#as {
            out.extend_from_slice(b",\"as\":");
            push_json_string(out, r#as);
        }
        out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_reads_back_as_the_serialised_metadata() {
        let names = |name: &str| (name.to_owned(), format!("{name} \"é😀\\\n"));
        let (name, r#as) = names("x");
        let metadata = ModuleMetadata {
            prefix: "$hot1$".to_owned(),
            execute: "$hot1$execute".to_owned(),
            r#async: true,
            uses_import_meta: false,
            uses_dynamic_import: true,
            exports: vec!["default".to_owned(), "a\u{2028}b".to_owned()],
            requests: vec![
                ModuleRequest {
                    specifier: "./a.js".to_owned(),
                    attributes: [names("type"), names("z")].into_iter().collect(),
                    bindings: vec![
                        Binding::Import {
                            name: name.clone(),
                            r#as: r#as.clone(),
                        },
                        Binding::ImportStar { r#as: r#as.clone() },
                        Binding::IndirectExport {
                            name,
                            r#as: r#as.clone(),
                        },
                        Binding::IndirectExportStar { r#as },
                        Binding::ExportStar,
                    ],
                },
                ModuleRequest {
                    specifier: "b\u{1}".to_owned(),
                    attributes: Default::default(),
                    bindings: vec![],
                },
            ],
        };
        let written = metadata.to_json();
        assert!(written.is_ascii(), "{written}");
        let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        let serialised = serde_json::to_string(&metadata).ok();
        assert!(read(&written).is_some());
        assert_eq!(read(&written), serialised.as_deref().and_then(read));
    }
}
