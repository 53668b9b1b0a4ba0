//! The dynohot transform: one ES module in, the body of a generator function, a source map and
//! the module's linkage metadata out. `docs/transform-contract.md` is the specification.

mod analysis;
mod error;
#[cfg(not(target_family = "wasm"))]
mod large_stack;
mod output;
mod parse;
mod printing;
mod splicing;
mod text;

use serde::{Deserialize, Serialize};
use swc_core::{
    atoms::Atom,
    common::{sync::Lrc, FileName, Globals, Mark, SourceFile, SourceMap, GLOBALS},
    ecma::{
        ast::{Pass, Program},
        transforms::{
            base::resolver,
            typescript::{typescript, Config as TypeScriptConfig},
        },
        visit::VisitMutWith,
    },
};

pub use error::TransformError;
pub use output::metadata::{Binding, ModuleMetadata, ModuleRequest};

pub use analysis::nesting::NESTING_LIMIT;
use analysis::{early_errors, module_items, module_scan, nesting, prefix, this_bindings};
use output::source_map;

/// Bumped whenever the shape of the output changes (the persistent cache keys on it).
pub const TRANSFORM_VERSION: u32 = 7;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransformOptions {
    /// The module's `file:` URL: the map's `sources`, the error's `file`.
    pub url: String,
    /// Parse as TypeScript and strip the types.
    #[serde(default)]
    pub typescript: bool,
    /// Produce `map`.
    #[serde(default)]
    pub source_map: bool,
    /// V3 JSON of an earlier stage; the output map is chained through it.
    #[serde(default)]
    pub input_source_map: Option<String>,
    /// Rewrite and print the tree even where the module's own text could be spliced (tests
    /// compare the two).
    #[doc(hidden)]
    #[serde(skip)]
    pub force_printing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TransformOutput {
    pub code: String,
    pub map: Option<String>,
    pub metadata: ModuleMetadata,
}

/// Transforms one module (contract §1), on a thread with a large stack (see `large_stack`).
#[cfg(not(target_family = "wasm"))]
pub fn transform(
    source: &[u8],
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    large_stack::run_with_large_stack(source, options)
}

/// Transforms one module (contract §1). wasm32-wasip1 is single-threaded (Debian's WASI libc does
/// not even link `pthread_create`), so the transform runs in place; the wasm module's own stack is
/// sized for it (scripts/build-wasm.sh) and an overflow traps, which the JavaScript side survives.
#[cfg(target_family = "wasm")]
pub fn transform(
    source: &[u8],
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    transform_in_place(source, options)
}

/// `transform` for bindings that pass JSON: options in, `{"ok":{code,map,metadata}}` or
/// `{"error":{message,file,line,column,codeFrame}}` out.
pub fn transform_to_json(source: &[u8], options_json: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Answer {
        Ok(TransformOutput),
        Error(TransformError),
    }
    let answer = match serde_json::from_str::<TransformOptions>(options_json) {
        Ok(options) => match transform(source, &options) {
            Ok(output) => Answer::Ok(output),
            Err(error) => Answer::Error(error),
        },
        Err(error) => Answer::Error(TransformError {
            message: format!("Invalid transform options: {error}"),
            file: String::new(),
            line: 1,
            column: 1,
            code_frame: String::new(),
        }),
    };
    // Serialising these plain structs cannot fail; the fallback keeps the answer well-formed anyway.
    serde_json::to_string(&answer).unwrap_or_else(|_| {
        "{\"error\":{\"message\":\"Internal error: the answer could not be serialised\",\"file\":\"\",\"line\":1,\"column\":1,\"codeFrame\":\"\"}}".to_owned()
    })
}

/// The error for a panic inside the transform (a bug, but never a crash of the host process).
pub fn internal_error(
    options: &TransformOptions,
    panic: &(dyn std::any::Any + Send),
) -> TransformError {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    TransformError {
        message: format!("Internal error in the dynohot transform: {detail}"),
        file: options.url.clone(),
        line: 1,
        column: 1,
        code_frame: String::new(),
    }
}

pub(crate) fn transform_in_place(
    source: &[u8],
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    let text = std::str::from_utf8(source).map_err(|error| {
        let valid = String::from_utf8_lossy(&source[..error.valid_up_to()]);
        TransformError::at_offset("Invalid UTF-8", &options.url, &valid, valid.len())
    })?;
    GLOBALS.set(&Globals::new(), || transform_text(text, options))
}

fn transform_text(
    text: &str,
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    let url = options.url.as_str();
    let cm: Lrc<SourceMap> = Lrc::default();
    let file = cm.new_source_file(Lrc::new(FileName::Custom(url.to_owned())), text.to_owned());
    let problem = |problem: error::SourceProblem| {
        parse::error_at(&file, url, problem.position, problem.message)
    };

    nesting::check_parser_nesting(&file.src)
        .map_err(|(offset, message)| TransformError::at_offset(message, url, &file.src, offset))?;
    let module = parse::parse_module(&file, url, options.typescript)?;
    let scan = module_scan::scan(&module);
    scan.nesting.check().map_err(problem)?;
    early_errors::check_module(&module, &file, scan.private_names, &scan.meta_properties)
        .map_err(problem)?;
    module_items::reject_commonjs_forms(&module).map_err(problem)?;
    let prefix = prefix::choose_prefix(&scan.hot_names);
    let default_local: Atom = format!("{prefix}default").into();
    let names = BodyNames {
        prefix: &prefix,
        default_local: &default_local,
    };

    // Most JavaScript modules bind no name they import, in any scope: a reference is then an
    // import exactly when it is spelled like one, and splicing needs neither the resolver's walk
    // nor its scopes.
    if !options.typescript && !options.force_printing && !scan.binds_imported_name {
        let scope = module_items::ModuleScope::unresolved(&module);
        let linkage =
            module_items::link_module(&module, &default_local, &scope).map_err(problem)?;
        if !scan.written_names.includes_any(&linkage.exported_locals) {
            if let Some(body) =
                splicing::splice_body(&module, &file, &linkage, &names, options.source_map)
            {
                return finish(body, linkage, &names, &cm, &file, options);
            }
        }
    }

    let unresolved_mark = Mark::new();
    let top_level_mark = Mark::new();
    let mut program = Program::Module(module);
    program.visit_mut_with(&mut resolver(
        unresolved_mark,
        top_level_mark,
        options.typescript,
    ));
    if options.typescript {
        let config = TypeScriptConfig {
            native_class_properties: true,
            no_empty_export: true,
            // As tsc: enum members are read from the enum object, not inlined.
            ts_enum_is_mutable: true,
            ..Default::default()
        };
        typescript(config, unresolved_mark, top_level_mark).process(&mut program);
    }
    let module = program.expect_module();
    if options.typescript {
        this_bindings::reject_this_bindings(&module).map_err(problem)?;
    }

    let scope = module_items::ModuleScope::Resolved { unresolved_mark };
    let linkage = module_items::link_module(&module, &default_local, &scope).map_err(problem)?;
    // The scan saw the module before TypeScript's enums and namespaces became assignments.
    let writes_exports =
        options.typescript || scan.written_names.includes_any(&linkage.exported_locals);
    let spliced = if writes_exports || options.force_printing {
        None
    } else {
        splicing::splice_body(&module, &file, &linkage, &names, options.source_map)
    };
    let body = match spliced {
        Some(body) => body,
        None => printing::print_body(
            module,
            &cm,
            &file,
            &linkage,
            &names,
            writes_exports,
            options,
        )?,
    };
    finish(body, linkage, &names, &cm, &file, options)
}

/// The output: the body, its map (chained through the input map) and the metadata.
fn finish(
    body: EmittedBody,
    linkage: module_items::ModuleLinkage,
    names: &BodyNames,
    cm: &Lrc<SourceMap>,
    file: &SourceFile,
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    let url = options.url.as_str();
    let prefix = names.prefix;
    let map = match body.mappings {
        Some(mappings) => Some(
            source_map::source_map_json(
                cm,
                file,
                &mappings,
                url,
                options.input_source_map.as_deref(),
            )
            .map_err(|error| internal_io_error(url, error))?,
        ),
        None => None,
    };
    Ok(TransformOutput {
        code: body.code,
        map,
        metadata: ModuleMetadata {
            execute: format!("{prefix}execute"),
            prefix: prefix.to_owned(),
            r#async: body.is_async,
            uses_import_meta: body.uses_import_meta,
            uses_dynamic_import: body.uses_dynamic_import,
            exports: linkage
                .accessors
                .into_iter()
                .map(|accessor| accessor.name)
                .collect(),
            requests: linkage.requests,
        },
    })
}

pub(crate) fn internal_io_error(url: &str, error: std::io::Error) -> TransformError {
    TransformError {
        message: format!("Internal error in the dynohot transform: {error}"),
        file: url.to_owned(),
        line: 1,
        column: 1,
        code_frame: String::new(),
    }
}

/// The names the body's code is written with.
pub(crate) struct BodyNames<'a> {
    pub prefix: &'a str,
    pub default_local: &'a Atom,
}

/// The generator's text, and what its body uses, from either way of producing it.
pub(crate) struct EmittedBody {
    pub code: String,
    /// The mapped tokens, when a map is wanted.
    pub mappings: Option<source_map::Mappings>,
    pub is_async: bool,
    pub uses_import_meta: bool,
    pub uses_dynamic_import: bool,
}
