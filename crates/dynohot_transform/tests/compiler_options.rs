//! tsconfig.json's compiler options as the transform applies them: JSX (`.tsx`, `.jsx`) by `jsx`
//! and its factories and import source, decorators legacy or standard, `verbatimModuleSyntax`.
//! What the output does is compared with tsc's under node by `__test__/execution`; these tests
//! check which option reaches which pass, and the errors.

mod common;

use dynohot_transform::{
    transform, CompilerOptions, TransformError, TransformOptions, TransformOutput,
};

fn compile(
    source: &str,
    url: &str,
    compiler_options: CompilerOptions,
) -> Result<TransformOutput, TransformError> {
    let options = TransformOptions {
        url: url.to_owned(),
        typescript: url.ends_with(".ts") || url.ends_with(".tsx"),
        jsx: url.ends_with("sx"),
        compiler_options,
        ..TransformOptions::default()
    };
    transform(source.as_bytes(), &options)
}

fn jsx(mode: &str) -> CompilerOptions {
    CompilerOptions {
        jsx: Some(mode.to_owned()),
        ..CompilerOptions::default()
    }
}

fn specifiers(output: &TransformOutput) -> Vec<&str> {
    output
        .metadata
        .requests
        .iter()
        .map(|request| request.specifier.as_str())
        .collect()
}

fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in:\n{text}");
}

const ELEMENT: &str =
    "export const page = <p class=\"a\">{1}<>x</></p>;\nexport const after = 1;\n";

#[test]
fn react_jsx_imports_the_runtime_of_the_import_source() {
    let options = CompilerOptions {
        jsx_import_source: Some("hono/jsx".to_owned()),
        ..jsx("react-jsx")
    };
    let output = compile(ELEMENT, "file:///app/page.tsx", options).expect("compiles");
    assert_eq!(specifiers(&output), ["hono/jsx/jsx-runtime"]);
    common::assert_parses(&output.code);
}

#[test]
fn react_jsxdev_imports_the_development_runtime() {
    let output = compile(ELEMENT, "file:///app/page.tsx", jsx("react-jsxdev")).expect("compiles");
    assert_eq!(specifiers(&output), ["react/jsx-dev-runtime"]);
    assert_contains(&output.code, "jsxDEV");
}

#[test]
fn react_calls_the_factories_of_the_tsconfig() {
    let options = CompilerOptions {
        jsx_factory: Some("h".to_owned()),
        jsx_fragment_factory: Some("Fragment".to_owned()),
        ..jsx("react")
    };
    let output = compile(ELEMENT, "file:///app/page.jsx", options).expect("compiles");
    assert!(specifiers(&output).is_empty());
    assert_contains(&output.code, "h(\"p\"");
    assert_contains(&output.code, "h(Fragment, null");
}

#[test]
fn without_a_jsx_option_jsx_compiles_as_react() {
    let output =
        compile(ELEMENT, "file:///app/page.tsx", CompilerOptions::default()).expect("compiles");
    assert_contains(&output.code, "React.createElement(\"p\"");
}

#[test]
fn code_after_jsx_keeps_its_line() {
    let output = compile(ELEMENT, "file:///app/page.tsx", jsx("react-jsx")).expect("compiles");
    let line = output
        .code
        .lines()
        .position(|line| line.contains("after = 1"));
    assert_eq!(line, Some(1), "{}", output.code);
}

#[test]
fn preserve_is_an_error_at_the_first_element() {
    let error = compile(ELEMENT, "file:///app/page.tsx", jsx("preserve")).expect_err("no JSX runs");
    assert_eq!((error.line, error.column), (1, 21));
    assert_contains(&error.message, "preserve");
    // Without JSX, the option changes nothing.
    assert!(compile(
        "export const a = 1;",
        "file:///app/page.tsx",
        jsx("preserve")
    )
    .is_ok());
}

#[test]
fn an_unknown_jsx_mode_is_an_error() {
    let error = compile(ELEMENT, "file:///app/page.tsx", jsx("vue")).expect_err("unknown");
    assert_contains(&error.message, "'vue'");
}

#[test]
fn a_jsx_syntax_error_has_its_position_and_frame() {
    let error = compile(
        "const a = 1;\nconst b = <p>x</b>;\n",
        "file:///app/page.tsx",
        jsx("react-jsx"),
    )
    .expect_err("mismatched tags");
    assert_eq!(error.line, 2);
    assert_contains(&error.code_frame, "> 2 | const b = <p>x</b>;");
}

#[test]
fn jsx_is_a_syntax_error_in_plain_typescript_and_javascript() {
    for url in ["file:///app/page.ts", "file:///app/page.js"] {
        assert!(compile(ELEMENT, url, jsx("react-jsx")).is_err(), "{url}");
    }
}

const DECORATED: &str = "function sealed(target: Function) {}\nfunction logged(target: object, key: string) {}\n@sealed export class C {\n  @logged method(value: string): number { return 1; }\n}\n";

#[test]
fn experimental_decorators_are_applied_with_their_metadata() {
    let options = CompilerOptions {
        experimental_decorators: true,
        emit_decorator_metadata: true,
        ..CompilerOptions::default()
    };
    let output = compile(DECORATED, "file:///app/c.ts", options).expect("compiles");
    assert_contains(&output.code, "_ts_decorate");
    assert_contains(&output.code, "\"design:paramtypes\"");
    // The helpers are in the module: nothing to import.
    assert!(specifiers(&output).is_empty());
    common::assert_parses(&output.code);
}

#[test]
fn standard_decorators_are_applied_without_experimental_decorators() {
    let output =
        compile(DECORATED, "file:///app/c.ts", CompilerOptions::default()).expect("compiles");
    assert!(!output.code.contains("@sealed"), "{}", output.code);
    assert!(!output.code.contains("_ts_decorate"), "{}", output.code);
    assert!(specifiers(&output).is_empty());
    common::assert_parses(&output.code);
}

#[test]
fn typescript_without_decorators_or_jsx_is_unchanged_by_the_options() {
    let source = "import { T } from \"./t.js\";\nexport class A { x: number = 1; }\nexport const t: T = 1;\n";
    let plain = compile(source, "file:///app/a.ts", CompilerOptions::default()).expect("compiles");
    let options = CompilerOptions {
        experimental_decorators: true,
        emit_decorator_metadata: true,
        ..jsx("react")
    };
    let with_options = compile(source, "file:///app/a.ts", options).expect("compiles");
    assert_eq!(plain.code, with_options.code);
}

#[test]
fn verbatim_module_syntax_keeps_imports_used_only_as_types() {
    let source = "import { T } from \"./t.js\";\nexport const t: T = 1;\n";
    let elided = compile(source, "file:///app/a.ts", CompilerOptions::default()).expect("compiles");
    assert!(specifiers(&elided).is_empty());
    let options = CompilerOptions {
        verbatim_module_syntax: true,
        ..CompilerOptions::default()
    };
    let kept = compile(source, "file:///app/a.ts", options).expect("compiles");
    assert_eq!(specifiers(&kept), ["./t.js"]);
}
