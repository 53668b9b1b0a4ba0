//! A JavaScript module's body is produced by splicing edits into its own text; the printer
//! produces it for TypeScript and for the forms splicing leaves to it. Both must give the same
//! program. For every JavaScript fixture (and every `.js`/`.mjs` file under the directories in
//! `DYNOHOT_EMITTER_CORPUS`, separated by `:`, which `npm test` points at real packages), the two
//! outputs parse to the same tree up to parentheses, empty statements and comments, with the same
//! metadata; and every mapping of the spliced output's source map joins two spellings of one token.

mod common;

use std::path::{Path, PathBuf};

use dynohot_transform::{transform, TransformOptions, TransformOutput};
use swc_core::{
    common::{sync::Lrc, FileName, Mark, SourceMap, GLOBALS},
    ecma::{
        ast::{EsVersion, Pass, Program, Stmt},
        codegen::{text_writer::JsWriter, Config, Emitter, Node},
        parser::{parse_file_as_script, EsSyntax, Syntax},
        transforms::base::fixer::paren_remover,
        visit::{VisitMut, VisitMutWith},
    },
};

fn options(force_printing: bool) -> TransformOptions {
    TransformOptions {
        force_printing,
        ..common::options("file:///app/module.js", false, true)
    }
}

/// The output as one canonical text: parsed, parentheses and empty statements dropped, printed.
fn canonical(code: &str) -> String {
    let cm: Lrc<SourceMap> = Lrc::default();
    let file = cm.new_source_file(Lrc::new(FileName::Anon), code.to_owned());
    let syntax = Syntax::Es(EsSyntax {
        explicit_resource_management: true,
        import_attributes: true,
        ..Default::default()
    });
    let mut errors = Vec::new();
    let script = parse_file_as_script(&file, syntax, EsVersion::latest(), None, &mut errors)
        .unwrap_or_else(|error| panic!("output does not parse: {error:?}\n{code}"));
    assert!(errors.is_empty(), "output has errors: {errors:?}\n{code}");
    let mut program = Program::Script(script);
    GLOBALS.set(&Default::default(), || {
        let _ = Mark::new();
        paren_remover(None).process(&mut program);
    });
    program.visit_mut_with(&mut DropEmptyStatements);
    let mut text = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: Config::default().with_minify(true),
            cm: cm.clone(),
            comments: None,
            wr: JsWriter::new(cm.clone(), "\n", &mut text, None),
        };
        program.emit_with(&mut emitter).expect("prints");
    }
    String::from_utf8(text).expect("printed text is UTF-8")
}

struct DropEmptyStatements;

impl VisitMut for DropEmptyStatements {
    fn visit_mut_stmts(&mut self, stmts: &mut Vec<Stmt>) {
        stmts.retain(|stmt| !matches!(stmt, Stmt::Empty(_)));
        stmts.visit_mut_children_with(self);
    }
}

fn check_module(path: &Path, source: &str) {
    let printed = transform(source.as_bytes(), &options(true));
    let spliced = transform(source.as_bytes(), &options(false));
    let (printed, spliced) = match (printed, spliced) {
        (Ok(printed), Ok(spliced)) => (printed, spliced),
        (Err(printed), Err(spliced)) => {
            assert_eq!(printed.message, spliced.message, "{}", path.display());
            return;
        }
        (printed, spliced) => panic!(
            "{}: one emitter failed: printed {:?}, spliced {:?}",
            path.display(),
            printed.err(),
            spliced.err()
        ),
    };
    assert_eq!(
        serde_json::to_string(&printed.metadata).expect("serialises"),
        serde_json::to_string(&spliced.metadata).expect("serialises"),
        "{}: metadata differs",
        path.display()
    );
    let (printed_tree, spliced_tree) = (canonical(&printed.code), canonical(&spliced.code));
    if printed_tree != spliced_tree {
        let at = printed_tree
            .bytes()
            .zip(spliced_tree.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(printed_tree.len().min(spliced_tree.len()));
        let context =
            |text: &str| text[at.saturating_sub(80)..(at + 80).min(text.len())].to_owned();
        panic!(
            "{}: the emitters disagree\nprinted: …{}…\nspliced: …{}…",
            path.display(),
            context(&printed_tree),
            context(&spliced_tree)
        );
    }
    // A module the splicer leaves to the printer comes out printed: its map is the printer's.
    if spliced.code != printed.code {
        check_mappings(path, source, &spliced);
    }
}

/// A text split into lines, to read the token at a line and UTF-16 column.
struct Lines<'a> {
    lines: Vec<&'a str>,
    /// For each line that is not ASCII, the byte offset of each UTF-16 column (and of its end).
    utf16_offsets: Vec<Option<Vec<usize>>>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.split('\n').collect();
        let utf16_offsets = lines
            .iter()
            .map(|line| {
                (!line.is_ascii()).then(|| {
                    let mut offsets = Vec::with_capacity(line.len() + 1);
                    for (offset, character) in line.char_indices() {
                        offsets.extend(std::iter::repeat_n(offset, character.len_utf16()));
                    }
                    offsets.push(line.len());
                    offsets
                })
            })
            .collect();
        Lines {
            lines,
            utf16_offsets,
        }
    }

    /// The identifier (or first character, or the line's end) at `column` of `line`.
    fn token_at(&self, line: u32, column: u32) -> Option<String> {
        let line_text = *self.lines.get(line as usize)?;
        let start = match &self.utf16_offsets[line as usize] {
            Some(offsets) => *offsets.get(column as usize)?,
            None => Some(column as usize).filter(|&start| start <= line_text.len())?,
        };
        if start == line_text.len() {
            return Some("\n".to_owned());
        }
        let rest = &line_text[start..];
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        Some(if word.is_empty() {
            rest.chars().next()?.to_string()
        } else {
            word
        })
    }
}

fn check_mappings(path: &Path, source: &str, output: &TransformOutput) {
    let map = output.map.as_deref().expect("a map was asked for");
    let map = swc_sourcemap::SourceMap::from_slice(map.as_bytes()).expect("the map is V3 JSON");
    let (generated_lines, source_lines) = (Lines::new(&output.code), Lines::new(source));
    for token in map.tokens() {
        let generated = generated_lines.token_at(token.get_dst_line(), token.get_dst_col());
        let original = source_lines.token_at(token.get_src_line(), token.get_src_col());
        let (Some(generated), Some(original)) = (generated, original) else {
            panic!(
                "{}: a mapping points outside the text: {token}",
                path.display()
            );
        };
        // An import reference reads through the holder into the generator's local of its name, in
        // parentheses (`(a = $hot$imports.a())`), `import.meta` and `import()` go to the
        // generator's parameters: the generated token is then the opening parenthesis or a name
        // of the transform's.
        let read_in_parentheses = generated == "("
            && generated_lines
                .token_at(token.get_dst_line(), token.get_dst_col() + 1)
                .is_some_and(|next| next.starts_with("$hot") || next == original);
        let same = generated == original || generated.starts_with("$hot") || read_in_parentheses;
        assert!(
            same,
            "{}: {token} joins `{generated}` to `{original}`",
            path.display()
        );
    }
}

fn corpus_files(directory: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            corpus_files(&path, files);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "js" || extension == "mjs")
        {
            files.push(path);
        }
    }
}

#[test]
fn spliced_and_printed_bodies_are_the_same_program() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transform");
    let mut files = Vec::new();
    corpus_files(&fixtures, &mut files);
    assert!(files.len() > 60, "the fixtures are found");
    if let Ok(corpus) = std::env::var("DYNOHOT_EMITTER_CORPUS") {
        for directory in corpus.split(':').filter(|directory| !directory.is_empty()) {
            corpus_files(Path::new(directory), &mut files);
        }
    }
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable");
        check_module(&path, &source);
    }
}
