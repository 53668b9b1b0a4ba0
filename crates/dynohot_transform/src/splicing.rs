//! The splicing path, for JavaScript: the generator body is the module's own text with a few
//! edits in place (`splice_edits` finds them, `splice` applies them), so that nothing is printed
//! and every token keeps its line and column. It gives up (`None`) on the rare forms that need
//! more than an edit, and the module goes the printing path instead.

pub mod splice;
pub mod splice_edits;

use swc_core::{common::SourceFile, ecma::ast::Module};

use crate::{
    analysis::{module_items::ModuleLinkage, top_level_await},
    output::{preamble, source_map},
    pipeline::{BodyNames, EmittedBody},
};

/// JavaScript: the module's own text with edits in place (`splice_edits`), or `None` when the
/// module needs the printer.
pub fn splice_body(
    module: &Module,
    file: &SourceFile,
    linkage: &ModuleLinkage,
    names: &BodyNames,
    source_map: bool,
) -> Option<EmittedBody> {
    let edits = splice_edits::splice_edits(
        module,
        &linkage.imports,
        names.prefix,
        &file.src,
        file.start_pos,
    )?;
    let is_async = top_level_await::uses_top_level_await(&module.body);
    let preamble = preamble::preamble(&preamble::PreambleParts {
        prefix: names.prefix,
        is_async,
        accessors: &linkage.accessors,
        renamed_default_function: linkage
            .default_function_renamed
            .then_some(&**names.default_local),
        declares_constant: false,
        notifies_writes: false,
        export_setters: None,
        mirrors: &edits.mirrors,
    });
    let spliced = splice::splice(
        &file.src,
        file.start_pos,
        module.shebang.is_some(),
        &preamble,
        &edits,
        source_map,
    )?;
    Some(EmittedBody {
        code: spliced.code,
        mappings: source_map.then_some(source_map::Mappings::Spliced(spliced.mappings)),
        is_async,
        uses_import_meta: edits.uses_import_meta,
        uses_dynamic_import: edits.uses_dynamic_import,
    })
}
