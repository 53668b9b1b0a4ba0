//! The steps from a module's bytes to its output, in order:
//!
//! 1. `parse`: UTF-8 text to a syntax tree, after `analysis::nesting` bounds how deep it nests;
//! 2. `analysis`: one scan of the tree, the checks that reject what the output could not run, the
//!    prefix of invented names, and the linkage (requests, bindings, accessors);
//! 3. a JavaScript module that binds no imported name goes the splicing path without resolving
//!    scopes; any other is resolved, and its TypeScript, JSX and decorators compiled (`lowering`);
//! 4. the body, produced by `splicing` (the module's text with edits) when it can be, otherwise by
//!    `printing` (the rewritten tree, printed);
//! 5. `output`: the source map chained through the input map, and the metadata.

use swc_core::{
    atoms::Atom,
    common::{sync::Lrc, BytePos, FileName, Globals, Mark, SourceFile, SourceMap, GLOBALS},
    ecma::{
        ast::{Module, Program},
        transforms::base::resolver,
        visit::VisitMutWith,
    },
};

use crate::{
    analysis::{early_errors, module_items, module_scan, nesting, prefix, this_bindings},
    error, lowering,
    output::{metadata::ModuleMetadata, source_map},
    parse, printing, splicing, TransformError, TransformOptions, TransformOutput,
};

/// The whole transform, on the caller's stack (`large_stack` gives it a large one).
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

/// Steps 1 to 5 (see above) on the module's text.
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
    let module = parse::parse_module(&file, url, options.typescript, options.jsx)?;
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
    let compiles = options.typescript || options.jsx;
    if !compiles && !options.force_printing && !scan.binds_imported_name {
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

    let language = lowering::Language {
        typescript: options.typescript,
        jsx: options.jsx,
        uses_decorators: scan.uses_decorators,
        compiler_options: &options.compiler_options,
    };
    let (module, unresolved_mark) =
        resolve(module, &language, &cm, file.start_pos).map_err(problem)?;
    if options.typescript {
        this_bindings::reject_this_bindings(&module).map_err(problem)?;
    }

    let scope = module_items::ModuleScope::Resolved { unresolved_mark };
    let linkage = module_items::link_module(&module, &default_local, &scope).map_err(problem)?;
    // The scan saw the module before TypeScript's enums and namespaces became assignments.
    let writes_exports = compiles || scan.written_names.includes_any(&linkage.exported_locals);
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

/// Scopes resolved (each identifier marked with the binding it refers to, `unresolved_mark` for
/// globals), then TypeScript, JSX and decorators compiled (`lowering`).
fn resolve(
    module: Module,
    language: &lowering::Language,
    cm: &Lrc<SourceMap>,
    start: BytePos,
) -> Result<(Module, Mark), error::SourceProblem> {
    let unresolved_mark = Mark::new();
    let top_level_mark = Mark::new();
    let mut program = Program::Module(module);
    program.visit_mut_with(&mut resolver(
        unresolved_mark,
        top_level_mark,
        language.typescript,
    ));
    let module = lowering::lower(
        program.expect_module(),
        language,
        cm,
        start,
        (unresolved_mark, top_level_mark),
    )?;
    Ok((module, unresolved_mark))
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
            .map_err(|error| TransformError::internal(error, url))?,
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
