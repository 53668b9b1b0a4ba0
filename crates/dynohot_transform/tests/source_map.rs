//! The source map: chosen identifiers in the output map back to their exact original position,
//! directly and through an input map made by compiling TypeScript.

mod common;

use dynohot_transform::{transform, TransformOptions};
use swc_core::{
    common::{sync::Lrc, FileName, Globals, Mark, SourceMap, GLOBALS},
    ecma::{
        ast::{EsVersion, Pass, Program},
        codegen::{text_writer::JsWriter, Config, Emitter},
        parser::{parse_file_as_module, Syntax, TsSyntax},
        transforms::{base::resolver, typescript::strip},
        visit::VisitMutWith,
    },
};

/// The 0-based (line, UTF-16 column) of every occurrence of `needle` in `text`.
fn positions(text: &str, needle: &str) -> Vec<(u32, u32)> {
    text.match_indices(needle)
        .map(|(offset, _)| {
            let before = &text[..offset];
            let line = before.matches('\n').count();
            let line_start = before.rfind('\n').map_or(0, |index| index + 1);
            (
                line as u32,
                before[line_start..].encode_utf16().count() as u32,
            )
        })
        .collect()
}

/// Where the map sends the generated position of each occurrence of `needle` in `code`.
fn mapped(map_json: &str, code: &str, needle: &str) -> Vec<(u32, u32, String)> {
    let map = swc_sourcemap::SourceMap::from_slice(map_json.as_bytes()).expect("map parses");
    positions(code, needle)
        .into_iter()
        .map(|(line, column)| {
            let token = map.lookup_token(line, column).expect("position is mapped");
            assert_eq!(
                (token.get_dst_line(), token.get_dst_col()),
                (line, column),
                "{needle} has its own mapping"
            );
            (
                token.get_src_line(),
                token.get_src_col(),
                token
                    .get_source()
                    .map(|source| source.to_string())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

const SOURCE: &str = "import { alpha } from \"./dep.js\";\n\
const s = \"😀\"; const beta = alpha + 1;\n\
\n\
export function gamma() {\n\
    return alpha(beta, import.meta.url);\n\
}\n";

#[test]
fn identifiers_map_to_their_original_positions() {
    let url = "file:///app/module.js";
    let output =
        transform(SOURCE.as_bytes(), &common::options(url, false, true)).expect("transforms");
    let map_json = output.map.expect("a map is produced");
    let map: serde_json::Value = serde_json::from_str(&map_json).expect("map is JSON");
    assert_eq!(map["version"], 3);
    assert_eq!(map["sources"], serde_json::json!([url]));
    assert_eq!(map["sourcesContent"], serde_json::json!([SOURCE]));

    let source_alpha: Vec<_> = positions(SOURCE, "alpha").into_iter().skip(1).collect();
    let mapped_alpha: Vec<_> = mapped(&map_json, &output.code, "alpha = ")
        .into_iter()
        .map(|(line, column, _)| (line, column))
        .collect();
    assert_eq!(mapped_alpha, source_alpha);
    let beta = mapped(&map_json, &output.code, "beta");
    assert_eq!(
        beta.iter()
            .map(|(line, column, _)| (*line, *column))
            .collect::<Vec<_>>(),
        positions(SOURCE, "beta")
    );
    assert!(beta.iter().all(|(_, _, source)| source == url));
    let meta = mapped(&map_json, &output.code, "$hot$meta.url");
    assert_eq!(
        meta.iter()
            .map(|(line, column, _)| (*line, *column))
            .collect::<Vec<_>>(),
        positions(SOURCE, "import.meta")
    );
}

/// TypeScript → JavaScript with swc, as an earlier loader would, with its own map.
fn compile_typescript(source: &str, url: &str) -> (String, String) {
    GLOBALS.set(&Globals::new(), || {
        let cm: Lrc<SourceMap> = Lrc::default();
        let file = cm.new_source_file(
            Lrc::new(FileName::Custom(url.to_owned())),
            source.to_owned(),
        );
        let module = parse_file_as_module(
            &file,
            Syntax::Typescript(TsSyntax::default()),
            EsVersion::latest(),
            None,
            &mut Vec::new(),
        )
        .expect("TypeScript parses");
        let unresolved = Mark::new();
        let top_level = Mark::new();
        let mut program = Program::Module(module);
        program.visit_mut_with(&mut resolver(unresolved, top_level, true));
        strip(unresolved, top_level).process(&mut program);
        let mut code = Vec::new();
        let mut mappings = Vec::new();
        {
            let mut emitter = Emitter {
                cfg: Config::default(),
                cm: cm.clone(),
                comments: None,
                wr: JsWriter::new(cm.clone(), "\n", &mut code, Some(&mut mappings)),
            };
            emitter.emit_program(&program).expect("emits");
        }
        struct Sources;
        impl swc_core::common::source_map::SourceMapGenConfig for Sources {
            fn file_name_to_source(&self, name: &FileName) -> String {
                name.to_string()
            }
            fn inline_sources_content(&self, _: &FileName) -> bool {
                true
            }
        }
        let mut map = Vec::new();
        cm.build_source_map(&mappings, None, Sources)
            .to_writer(&mut map)
            .expect("map serialises");
        (
            String::from_utf8(code).expect("code is UTF-8"),
            String::from_utf8(map).expect("map is UTF-8"),
        )
    })
}

#[test]
fn identifiers_map_through_an_input_map() {
    let typescript = "import { alpha } from \"./dep.js\";\n\
interface Shape { size: number }\n\
type Size = number;\n\
const beta: Size = alpha as number;\n\
export function gamma(shape: Shape): number {\n\
    return alpha + beta + shape.size;\n\
}\n";
    let ts_url = "file:///app/module.ts";
    let (javascript, input_map) = compile_typescript(typescript, ts_url);
    let options = TransformOptions {
        url: "file:///app/module.js".to_owned(),
        typescript: false,
        source_map: true,
        input_source_map: Some(input_map),
        ..TransformOptions::default()
    };
    let output = transform(javascript.as_bytes(), &options).expect("transforms");
    let map_json = output.map.expect("a map is produced");
    let map: serde_json::Value = serde_json::from_str(&map_json).expect("map is JSON");
    assert_eq!(map["sources"], serde_json::json!([ts_url]));
    assert_eq!(map["sourcesContent"], serde_json::json!([typescript]));

    let expected_alpha: Vec<_> = positions(typescript, "alpha").into_iter().skip(1).collect();
    let alpha: Vec<_> = mapped(&map_json, &output.code, "alpha = ")
        .into_iter()
        .map(|(line, column, _)| (line, column))
        .collect();
    assert_eq!(alpha, expected_alpha);
    let gamma = mapped(&map_json, &output.code, "function gamma");
    assert_eq!(gamma, vec![(4, 7, ts_url.to_owned())]);
}

#[test]
fn no_map_unless_asked() {
    let output = transform(
        SOURCE.as_bytes(),
        &common::options("file:///a.js", false, false),
    )
    .expect("transforms");
    assert_eq!(output.map, None);
}
