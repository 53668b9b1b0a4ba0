//! Transform errors: a message and the position it refers to, in the units JavaScript counts.

use serde::Serialize;

/// An error the transform reports instead of code: syntax errors, early errors, invalid input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransformError {
    /// What is wrong, without the position (e.g. "Expected ';', got 'x'").
    pub message: String,
    /// The module's URL (`TransformOptions::url`).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in UTF-16 code units.
    pub column: u32,
    /// The lines around the position with a caret under it.
    pub code_frame: String,
}

impl std::fmt::Display for TransformError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}:{}:{})\n{}",
            self.message, self.file, self.line, self.column, self.code_frame
        )
    }
}

impl std::error::Error for TransformError {}

/// Lines of context shown before and after the error line.
const FRAME_CONTEXT: usize = 2;
/// Longest source line shown in a frame; longer lines (minified code) are cut around the column.
const FRAME_LINE_LIMIT: usize = 160;

impl TransformError {
    /// An error at byte `offset` of `text` (clamped to the text and to a character boundary).
    pub fn at_offset(message: impl Into<String>, file: &str, text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind(is_line_break).map_or(0, |index| {
            index + text[index..].chars().next().map_or(1, char::len_utf8)
        });
        let line_index = text[..line_start].matches(is_line_break).count()
            - text[..line_start].matches("\r\n").count();
        let column_utf16 = text[line_start..offset].encode_utf16().count();
        TransformError {
            message: message.into(),
            file: file.to_owned(),
            line: u32::try_from(line_index + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column_utf16 + 1).unwrap_or(u32::MAX),
            code_frame: code_frame(text, line_index, text[line_start..offset].chars().count()),
        }
    }

    /// An error that is the transform's own (a bug or a failed write), not the module's: it
    /// points at the start of the module and has no frame.
    pub fn internal(detail: impl std::fmt::Display, file: &str) -> Self {
        TransformError {
            message: format!("Internal error in the dynohot transform: {detail}"),
            file: file.to_owned(),
            line: 1,
            column: 1,
            code_frame: String::new(),
        }
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Splits like JavaScript does (`\r\n` is one break).
fn source_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(index) = rest.find(is_line_break) {
        lines.push(&rest[..index]);
        let break_len = if rest[index..].starts_with("\r\n") {
            2
        } else {
            rest[index..].chars().next().map_or(1, char::len_utf8)
        };
        rest = &rest[index + break_len..];
    }
    // A final line break ends the last line; it does not start an empty one worth showing.
    if !rest.is_empty() || lines.is_empty() {
        lines.push(rest);
    }
    lines
}

/// The frame: numbered lines around `line_index`, `>` on the error line, a caret under the column
/// (`column_chars` counts characters so the caret lines up in a terminal).
fn code_frame(text: &str, line_index: usize, column_chars: usize) -> String {
    let lines = source_lines(text);
    let first = line_index.saturating_sub(FRAME_CONTEXT);
    let last = (line_index + FRAME_CONTEXT).min(lines.len().saturating_sub(1));
    let width = (last + 1).to_string().len();
    let mut frame = String::new();
    for (index, line) in lines.iter().enumerate().take(last + 1).skip(first) {
        let (shown, caret_column) = visible_part(line, column_chars, index == line_index);
        let marker = if index == line_index { '>' } else { ' ' };
        let gutter = format!("{marker} {:>width$} |", index + 1);
        if shown.is_empty() {
            frame.push_str(&gutter);
        } else {
            frame.push_str(&format!("{gutter} {shown}"));
        }
        frame.push('\n');
        if index == line_index {
            frame.push_str(&format!(
                "  {:>width$} | {}^\n",
                "",
                " ".repeat(caret_column)
            ));
        }
    }
    frame.truncate(frame.trim_end().len());
    frame
}

/// The part of a (possibly very long) line to print, tabs as spaces, and where the caret goes.
fn visible_part(line: &str, column_chars: usize, is_error_line: bool) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    if chars.len() <= FRAME_LINE_LIMIT {
        return (chars.into_iter().collect(), column_chars);
    }
    let centre = if is_error_line { column_chars } else { 0 };
    let start = centre.saturating_sub(FRAME_LINE_LIMIT / 2).min(chars.len());
    let end = (start + FRAME_LINE_LIMIT).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut caret = column_chars - start.min(column_chars);
    if start > 0 {
        shown.insert(0, '…');
        caret += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_points_at_the_column() {
        let error = TransformError::at_offset(
            "Unexpected token",
            "file:///a.js",
            "import x from \"y\";\nlet = ;\n",
            23,
        );
        assert_eq!((error.line, error.column), (2, 5));
        assert_eq!(
            error.code_frame,
            "  1 | import x from \"y\";\n> 2 | let = ;\n    |     ^"
        );
    }

    #[test]
    fn columns_count_utf16_units() {
        let error = TransformError::at_offset("x", "f", "'😀'; x", "'😀'; ".len());
        assert_eq!((error.line, error.column), (1, 7));
    }

    #[test]
    fn crlf_is_one_line_break() {
        let error = TransformError::at_offset("x", "f", "a\r\nb\r\nc", 6);
        assert_eq!((error.line, error.column), (3, 1));
    }
}

/// A problem found in the syntax tree, before it is turned into a `TransformError` (which needs
/// the source text to compute line, column and frame).
#[derive(Debug, Clone)]
pub(crate) struct SourceProblem {
    pub position: swc_core::common::BytePos,
    pub message: String,
}

impl SourceProblem {
    pub fn new(position: swc_core::common::BytePos, message: impl Into<String>) -> Self {
        SourceProblem {
            position,
            message: message.into(),
        }
    }
}
