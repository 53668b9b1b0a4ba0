//! One fixture per syntax form: the input module, and a snapshot of its code and metadata
//! (or of its error). Every output must parse.

mod common;

use std::path::Path;

fn is_typescript(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "ts")
}

#[test]
fn transform_fixtures() {
    insta::glob!("fixtures/transform/*.*", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable");
        let output = common::run(&source, is_typescript(path))
            .unwrap_or_else(|error| panic!("{} failed: {error}", path.display()));
        common::assert_parses(&output.code);
        let metadata = serde_json::to_string_pretty(&output.metadata).expect("metadata serialises");
        insta::assert_snapshot!(format!("{}\n\n---- metadata ----\n{metadata}", output.code));
    });
}

#[test]
fn error_fixtures() {
    insta::glob!("fixtures/errors/*.*", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable");
        let error = match common::run(&source, is_typescript(path)) {
            Ok(output) => panic!("{} transformed:\n{}", path.display(), output.code),
            Err(error) => error,
        };
        insta::assert_snapshot!(format!(
            "{}:{}:{}\n{}\n{}",
            error.file, error.line, error.column, error.message, error.code_frame
        ));
    });
}
