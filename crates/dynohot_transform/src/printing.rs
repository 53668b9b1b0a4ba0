//! The printing path, for any module: the body's statements are rewritten as a tree (imports
//! read through the holder, the module's `arguments`, writes to exports notified), parenthesized
//! where printing would change their meaning, and printed each on its original line (`emit`).

pub mod emit;
pub mod exported_writes;
pub mod import_references;
pub mod line_keeper;
pub mod statement_starts;
pub mod top_level_function_bindings;

use swc_core::{
    common::{sync::Lrc, SourceFile, SourceMap},
    ecma::{ast::Module, transforms::base::fixer::fixer, visit::VisitMutWith},
};

use crate::{
    analysis::{
        module_items::{self, ModuleLinkage},
        top_level_await,
    },
    error::{self, TransformError},
    output::{preamble, source_map},
    parse,
    pipeline::{BodyNames, EmittedBody},
    TransformOptions,
};

/// Any module: the body rewritten as a tree and printed, each statement on its line (`emit`).
pub fn print_body(
    module: Module,
    cm: &Lrc<SourceMap>,
    file: &SourceFile,
    linkage: &ModuleLinkage,
    names: &BodyNames,
    writes_exports: bool,
    options: &TransformOptions,
) -> Result<EmittedBody, TransformError> {
    let url = options.url.as_str();
    let problem = |problem: error::SourceProblem| {
        parse::error_at(file, url, problem.position, problem.message)
    };
    let prefix = names.prefix;
    let shebang = module.shebang.clone();
    let mut body = module_items::body_statements(module, names.default_local);
    let generator_names = import_references::GeneratorNames {
        imports: format!("{prefix}imports").into(),
        constant: format!("{prefix}constant").into(),
        meta: format!("{prefix}meta").into(),
        import: format!("{prefix}import").into(),
    };
    let uses =
        import_references::rewrite_import_references(&mut body, &linkage.imports, &generator_names)
            .map_err(problem)?;
    top_level_function_bindings::replace_top_level_function_bindings(&mut body);
    let write_names = exported_writes::WriteNames {
        written: format!("{prefix}written").into(),
        exported: format!("{prefix}exported").into(),
        notified: format!("{prefix}notified").into(),
        value: format!("{prefix}value").into(),
    };
    let writes = if writes_exports {
        exported_writes::notify_exported_writes(&mut body, &linkage.exported_locals, &write_names)
    } else {
        exported_writes::ExportedWrites::default()
    };
    let setter_object = writes.setter_object(&write_names);
    let is_async = top_level_await::uses_top_level_await(&body);
    let mut parentheses = fixer(None);
    for stmt in &mut body {
        stmt.visit_mut_with(&mut parentheses);
    }
    statement_starts::parenthesize_statement_starts(&mut body);
    let preamble = preamble::preamble(&preamble::PreambleParts {
        prefix,
        is_async,
        accessors: &linkage.accessors,
        renamed_default_function: linkage
            .default_function_renamed
            .then_some(&**names.default_local),
        declares_constant: uses.import_assignment,
        notifies_writes: writes.notifies,
        export_setters: setter_object.as_deref(),
        mirrors: &uses.mirrors,
    });
    let printed = emit::print(
        cm,
        file,
        shebang.as_deref(),
        &preamble,
        &body,
        options.source_map,
    )
    .map_err(|error| TransformError::internal(error, url))?;
    Ok(EmittedBody {
        code: printed.code,
        mappings: options
            .source_map
            .then_some(source_map::Mappings::Printed(printed.mappings)),
        is_async,
        uses_import_meta: uses.import_meta,
        uses_dynamic_import: uses.dynamic_import,
    })
}
