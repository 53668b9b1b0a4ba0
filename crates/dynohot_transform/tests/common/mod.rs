//! Helpers shared by the integration tests.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use dynohot_transform::{transform, TransformError, TransformOptions, TransformOutput};
use swc_core::{
    common::{sync::Lrc, FileName, SourceMap},
    ecma::parser::{parse_file_as_module, parse_file_as_script, EsSyntax, Syntax},
};

pub fn options(url: &str, typescript: bool, source_map: bool) -> TransformOptions {
    TransformOptions {
        url: url.to_owned(),
        typescript,
        source_map,
        input_source_map: None,
        ..TransformOptions::default()
    }
}

pub fn run(source: &str, typescript: bool) -> Result<TransformOutput, TransformError> {
    transform(
        source.as_bytes(),
        &options("file:///app/module.js", typescript, false),
    )
}

/// The output must parse both as a script (what the runtime evaluates) and inside a module (the
/// stub), with no recoverable errors either.
pub fn assert_parses(code: &str) {
    let cm: Lrc<SourceMap> = Lrc::default();
    let file = cm.new_source_file(Lrc::new(FileName::Anon), code.to_owned());
    let syntax = Syntax::Es(EsSyntax {
        explicit_resource_management: true,
        ..Default::default()
    });
    let mut errors = Vec::new();
    let script = parse_file_as_script(&file, syntax, Default::default(), None, &mut errors);
    assert!(
        script.is_ok() && errors.is_empty(),
        "output does not parse as a script: {script:?} {errors:?}\n{code}"
    );
    let stub = format!("{code}\nexport default function $stub() {{}}\n");
    let file = cm.new_source_file(Lrc::new(FileName::Anon), stub);
    let module = parse_file_as_module(&file, syntax, Default::default(), None, &mut errors);
    assert!(
        module.is_ok() && errors.is_empty(),
        "output does not parse in a module: {module:?} {errors:?}\n{code}"
    );
}
