//! No input panics, overflows the stack or produces code that does not parse.

mod common;

use dynohot_transform::{transform, transform_to_json, NESTING_LIMIT};
use proptest::prelude::*;

fn check(source: &[u8], typescript: bool) {
    let output = transform(
        source,
        &common::options("file:///fuzz.js", typescript, true),
    );
    if let Ok(output) = output {
        common::assert_parses(&output.code);
    }
}

const SEEDS: &[&str] = &[
    "import { a } from \"./a.js\";\nexport const b = a + 1;\nexport default function () { return a; }\n",
    "import * as ns from \"./n.js\";\nexport { ns };\nlet x = { ns };\n[ns] = [1];\n",
    "export * from \"./x.js\";\nexport { y as \"z\" } from \"./y.js\";\nconsole.log(this, import.meta);\n",
    "const v = await import(\"./m.js\");\nfor await (const x of v) {}\nusing r = null;\n",
];

/// Replaces `length` bytes at `at` with `insert` (the mutation of a valid module).
fn mutate(seed: &str, at: usize, length: usize, insert: &str) -> Vec<u8> {
    let bytes = seed.as_bytes();
    let at = at % (bytes.len() + 1);
    let end = (at + length).min(bytes.len());
    [&bytes[..at], insert.as_bytes(), &bytes[end..]].concat()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check(&bytes, false);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\\n]{0,120}") {
        check(text.as_bytes(), false);
        check(text.as_bytes(), true);
    }

    #[test]
    fn mutated_modules_never_panic(
        seed in 0..SEEDS.len(),
        at in 0usize..400,
        length in 0usize..8,
        insert in proptest::sample::select(vec!["", "(", ")", "{", "}", "[", "=", "import ", "export ", "a", ",", ";", "\"", "`", "await ", "this", "\u{2028}", "😀"]),
    ) {
        let source = mutate(SEEDS[seed], at, length, insert);
        check(&source, false);
        check(&source, true);
    }
}

#[test]
fn invalid_utf8_is_an_error() {
    let error = transform(
        b"const a = 1;\nconst b = \"\xff\";",
        &common::options("file:///bad.js", false, false),
    )
    .expect_err("invalid UTF-8 is rejected");
    assert_eq!(error.message, "Invalid UTF-8");
    assert_eq!((error.line, error.column), (2, 12));
}

#[test]
fn deep_nesting_is_an_answer_not_a_crash() {
    for (open, close) in [
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("-(", ")"),
        ("a=>", ""),
        ("!", ""),
    ] {
        let depth = 100_000;
        let source = format!("x = {}1{};", open.repeat(depth), close.repeat(depth));
        let output = transform(
            source.as_bytes(),
            &common::options("file:///deep.js", false, true),
        );
        if let Ok(output) = output {
            assert!(output.code.contains("x = "));
        }
    }
    let blocks = format!("{}{}", "{".repeat(100_000), "}".repeat(100_000));
    let _ = transform(
        blocks.as_bytes(),
        &common::options("file:///deep.js", false, false),
    );
}

#[test]
fn ten_megabytes_of_arrows_are_an_answer_not_a_crash() {
    // 3.3 million nested arrows overflowed even the 4 GB stack before the pre-parse check
    // counted arrows.
    let source = format!("x = {}1;", "a=>".repeat(10 * 1024 * 1024 / 3));
    let error = transform(
        source.as_bytes(),
        &common::options("file:///arrows.js", false, false),
    )
    .expect_err("nested too deep");
    assert!(error.message.contains("nested more than"));
}

#[test]
fn long_binary_chains_are_transformed() {
    // Issue 16: valid code that plain node runs, deep as a tree (V8 keeps a chain of one operator
    // flat, swc nests it).
    for terms in [1_000, 3_000, 100_000] {
        let source = format!("export const sum = {}1;", "1 + ".repeat(terms));
        let output = transform(
            source.as_bytes(),
            &common::options("file:///chain.js", false, true),
        )
        .expect("transforms");
        assert!(output
            .code
            .starts_with("\"use strict\";function $hot$execute("));
    }
    let too_long = format!("export const sum = {}1;", "1 + ".repeat(NESTING_LIMIT + 10));
    let error = transform(
        too_long.as_bytes(),
        &common::options("file:///chain.js", false, true),
    )
    .expect_err("a chain nested beyond the limit is an error");
    assert!(error.message.contains("nested more than"));
}

#[test]
fn long_else_if_chains_and_deep_brackets_that_node_runs_are_transformed() {
    let chain = format!(
        "let x = 5;\nif (x === 0) {{}}\n{}",
        (1..2_500)
            .map(|index| format!("else if (x === {index}) {{ }}\n"))
            .collect::<String>()
    );
    let deep =
        |open: &str, close: &str| format!("x = {}1{};", open.repeat(4_000), close.repeat(4_000));
    for source in [
        chain,
        deep("(", ")"),
        deep("[", "]"),
        deep("{a:", "}"),
        deep("a=>", ""),
    ] {
        for typescript in [false, true] {
            transform(
                source.as_bytes(),
                &common::options("file:///chain.js", typescript, true),
            )
            .expect("transforms");
        }
    }
}

#[test]
fn code_nested_too_deep_is_an_error_where_it_gets_too_deep() {
    // Brackets are counted before parsing: the error is at the first one beyond the limit, in
    // UTF-16 columns.
    let depth = NESTING_LIMIT + 100;
    let brackets = format!(
        "const \u{e9} = \"\u{1F600}\";\n/*\u{1F600}*/x = {}1{};",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let error = transform(
        brackets.as_bytes(),
        &common::options("file:///deep.js", false, false),
    )
    .expect_err("too deep");
    assert_eq!(
        error.message,
        format!("The code is nested more than {NESTING_LIMIT} levels deep")
    );
    assert_eq!(
        (error.line, error.column),
        (2, u32::try_from(6 + 4 + NESTING_LIMIT + 1).expect("fits"))
    );
    // Other nesting is counted in the syntax tree: a chain of `+` is deepest at its first operand
    // (each `+` nests the ones before it).
    let chain = format!(
        "let \u{e9} = 1;\n/*\u{1F600}*/export const sum = {}1;",
        "1 + ".repeat(NESTING_LIMIT + 10)
    );
    let error = transform(
        chain.as_bytes(),
        &common::options("file:///chain.js", false, false),
    )
    .expect_err("too deep");
    assert!(error.message.contains("nested more than"));
    assert_eq!((error.line, error.column), (2, 6 + 19 + 1));
}

#[test]
fn a_ten_megabyte_module_is_transformed() {
    let line =
        "export function f_NAME(a, b) { return [a, b, `t ${a}`, { a, b }].map(x => x + 1); }\n";
    let mut source = String::new();
    let mut index = 0;
    while source.len() < 10 * 1024 * 1024 {
        source.push_str(&line.replace("NAME", &index.to_string()));
        index += 1;
    }
    let output = transform(
        source.as_bytes(),
        &common::options("file:///big.js", false, true),
    )
    .expect("transforms");
    assert_eq!(output.metadata.exports.len(), index);
    assert!(output.map.is_some());
}

#[test]
fn json_answers() {
    let ok = transform_to_json(
        b"export const a = 1;",
        r#"{"url":"file:///a.js","sourceMap":true}"#,
    );
    let ok: serde_json::Value = serde_json::from_str(&ok).expect("JSON");
    assert_eq!(ok["ok"]["metadata"]["exports"], serde_json::json!(["a"]));
    assert!(ok["ok"]["map"].is_string());
    let error = transform_to_json(b"a b", r#"{"url":"file:///a.js"}"#);
    let error: serde_json::Value = serde_json::from_str(&error).expect("JSON");
    assert_eq!(error["error"]["file"], "file:///a.js");
    assert_eq!(error["error"]["line"], 1);
    assert_eq!(error["error"]["column"], 3);
    assert!(error["error"]["codeFrame"]
        .as_str()
        .is_some_and(|frame| frame.contains('^')));
    let bad_options = transform_to_json(b"", "{}");
    assert!(bad_options.starts_with("{\"error\":"));
}

#[test]
fn the_large_stack_survives_errors_and_deep_input() {
    let options = common::options("file:///a.js", false, true);
    for source in ["a b", &"a=>".repeat(100_000), "x = 1 +", "\u{0}"] {
        assert!(transform(source.as_bytes(), &options).is_err());
        let output = transform(b"export const a = 1;", &options).expect("transforms");
        assert_eq!(output.metadata.exports, ["a"]);
    }
}

#[test]
fn deep_input_is_an_answer_on_a_thread_with_a_small_stack() {
    // The transform does not run on the caller's stack: 256 KB would not hold the parser's
    // recursion into 100,000 arrows, nor even a module of ordinary depth in a debug build.
    let answers = std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            let options = common::options("file:///a.js", false, true);
            let deep = "a=>".repeat(100_000);
            let nested = format!(
                "export const a = {}1{};",
                "[".repeat(1_500),
                "]".repeat(1_500)
            );
            (
                transform(deep.as_bytes(), &options).is_err(),
                transform(nested.as_bytes(), &options).map(|output| output.metadata.exports),
            )
        })
        .expect("thread starts")
        .join()
        .expect("thread ends");
    assert!(answers.0);
    assert_eq!(answers.1.expect("transforms"), ["a"]);
}

#[test]
fn calls_from_many_threads_at_once_get_their_own_answers() {
    let handles: Vec<_> = (0..4)
        .map(|index| {
            std::thread::spawn(move || {
                let source = format!("export const value{index} = {index};");
                (0..20)
                    .map(|_| {
                        transform(
                            source.as_bytes(),
                            &common::options("file:///a.js", false, false),
                        )
                        .map(|output| output.metadata.exports)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for (index, handle) in handles.into_iter().enumerate() {
        for answer in handle.join().expect("thread ends") {
            assert_eq!(answer.expect("transforms"), [format!("value{index}")]);
        }
    }
}
