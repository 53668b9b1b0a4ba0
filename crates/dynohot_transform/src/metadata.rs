//! The metadata the runtime links with (contract §3).

use serde::Serialize;

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
