//! Printing: the preamble, then each top-level statement on its original line.
//!
//! ```text
//! let x = {                     →    <preamble>let x = {
//!   a: 1 };                              a: 1 };
//! if (x) f();                            if (x) f();
//!                                        }()}
//! ```

use std::io;

use crate::{output::source_map::utf16_len, printing::line_keeper::LineKeeper};
use swc_core::{
    common::{sync::Lrc, BytePos, LineCol, SourceFile, SourceMap, Spanned},
    ecma::{
        ast::{EsVersion, Stmt},
        codegen::{text_writer::JsWriter, Config, Emitter, Node},
    },
};

/// The printed code and the generated-position mappings for the source map.
pub struct Printed {
    pub code: String,
    pub mappings: Vec<(BytePos, LineCol)>,
}

/// The output so far, and the position where the next text goes.
struct Output {
    code: String,
    mappings: Vec<(BytePos, LineCol)>,
    /// 0-based line of the end of `code`.
    line: u32,
    /// UTF-16 column of the end of `code`.
    column: u32,
}

impl Output {
    fn push(&mut self, text: &str) {
        match text.rfind('\n') {
            Some(last_break) => {
                let breaks = text.bytes().filter(|&byte| byte == b'\n').count();
                self.line += u32::try_from(breaks).unwrap_or(u32::MAX);
                self.column = utf16_len(&text[last_break + 1..]);
            }
            None => self.column += utf16_len(text),
        }
        self.code.push_str(text);
    }

    /// Appends a separately printed statement, moving its mappings to where it lands.
    fn push_printed(&mut self, text: &str, mappings: Vec<(BytePos, LineCol)>) {
        self.mappings
            .extend(mappings.into_iter().map(|(position, at)| {
                let column = if at.line == 0 {
                    at.col + self.column
                } else {
                    at.col
                };
                (
                    position,
                    LineCol {
                        line: at.line + self.line,
                        col: column,
                    },
                )
            }));
        self.push(text);
    }
}

/// Prints `#!shebang` (if any), `preamble` (one line, no line break), the statements and `}`.
/// Each statement starts on the line it had in the source unless earlier output already went past
/// it; statements are printed one at a time so that two statements of one line stay on one line,
/// and within a statement `LineKeeper` keeps nested code on its lines.
pub fn print(
    cm: &Lrc<SourceMap>,
    file: &SourceFile,
    shebang: Option<&str>,
    preamble: &str,
    body: &[Stmt],
    source_map: bool,
) -> io::Result<Printed> {
    let mut output = Output {
        code: String::with_capacity(file.src.len() + file.src.len() / 4 + preamble.len() + 64),
        mappings: Vec::new(),
        line: 0,
        column: 0,
    };
    if let Some(shebang) = shebang {
        output.push(&format!("#!{shebang}\n"));
    }
    output.push(preamble);
    let mut text = Vec::new();
    let mut mappings = Vec::new();
    for stmt in body {
        let span = stmt.span();
        if !span.is_dummy() {
            if let Some(original_line) = file.lookup_line(span.lo) {
                let original_line = u32::try_from(original_line).unwrap_or(u32::MAX);
                if original_line > output.line {
                    output.push(&"\n".repeat((original_line - output.line) as usize));
                }
            }
        }
        text.clear();
        mappings.clear();
        {
            let mut emitter = Emitter {
                cfg: Config::default().with_target(EsVersion::latest()),
                cm: cm.clone(),
                comments: None,
                wr: LineKeeper::new(
                    JsWriter::new(
                        cm.clone(),
                        "\n",
                        &mut text,
                        source_map.then_some(&mut mappings),
                    ),
                    file,
                    output.line,
                ),
            };
            stmt.emit_with(&mut emitter)?;
        }
        let printed = std::str::from_utf8(&text)
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
        output.push_printed(
            printed.trim_end_matches('\n'),
            std::mem::take(&mut mappings),
        );
    }
    output.push(crate::output::preamble::CLOSING);
    Ok(Printed {
        code: output.code,
        mappings: output.mappings,
    })
}
