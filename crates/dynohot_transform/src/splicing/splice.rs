//! Applies `SpliceEdits` to the module's text: the hashbang line, the preamble, the body with its
//! edits and the closing `}`; and, for the source map, where each mapped token landed. Every line
//! of the source stays on its line (edits never add or drop a line break), so stack traces show
//! the original line numbers.
//!
//! ```text
//! import { a } from "./dep.js";     →    <preamble>;
//! console.log(a);                   →    console.log((a = $hot$imports.a()));
//!                                        }()}
//! ```

use swc_core::common::{BytePos, LineCol};

use crate::{
    output::source_map::{utf16_len, SplicedMapping},
    splicing::splice_edits::SpliceEdits,
    text::{
        byte_blocks::{repeated, zero_bytes, HIGH_BITS},
        line_breaks::line_breaks,
    },
};

pub struct Spliced {
    pub code: String,
    /// Each mapped token, in output order (empty without a source map).
    pub mappings: Vec<SplicedMapping>,
}

/// Splices the module text `source` (whose first byte is at `start`). `None` when the edits
/// overlap, which the walk never produces; the caller then prints the module instead.
pub fn splice(
    source: &str,
    start: BytePos,
    has_shebang: bool,
    preamble: &str,
    edits: &SpliceEdits,
    source_map: bool,
) -> Option<Spliced> {
    let mut positions: Vec<usize> = Vec::new();
    if source_map {
        // Sized first: collected from a filter, the vector would grow by doubling.
        positions.reserve_exact(edits.positions.len());
        positions.extend(
            edits
                .positions
                .iter()
                .filter_map(|position| position.0.checked_sub(start.0))
                .map(|offset| offset as usize),
        );
    }
    // Nearly sorted already (the walk is pre-order; a few nodes visit their parts out of source
    // order): the stable sort merges the runs in about linear time.
    positions.sort();
    positions.dedup();

    let mut output = Output {
        source,
        code: String::with_capacity(source.len() + preamble.len() + edits.texts.len() + 8),
        // One for each position, and one for each edit that maps the name it writes.
        mappings: Vec::with_capacity(positions.len() + edits.edits.len()),
        follows_positions: source_map,
        generated: LineCol { line: 0, col: 0 },
        original: LineCol { line: 0, col: 0 },
        original_offset: 0,
        start,
        positions: &positions,
        next_position: 0,
    };
    let mut copied_to = 0;
    if has_shebang {
        let line_end = line_breaks(source).next().map(|line_break| line_break.end);
        copied_to = line_end.unwrap_or(source.len());
        output.copy(0, copied_to);
        if line_end.is_none() {
            output.push("\n");
        }
    }
    output.push(preamble);
    for edit in &edits.edits {
        let edit_start = offset_of(edit.start, start)?;
        let edit_end = offset_of(edit.end, start)?;
        if edit_start < copied_to || edit_end < edit_start || edit_end > source.len() {
            return None;
        }
        output.copy(copied_to, edit_start);
        if edit_end > edit_start {
            output.replace(edit_start, edit_end);
        }
        let text = edits.texts.get(edit.text.clone())?;
        match edit.name_at {
            Some(name_at) if source_map && edit_end > edit_start => {
                output.push(text.get(..name_at)?);
                output.map(edit_start);
                output.push(text.get(name_at..)?);
            }
            _ => output.push(text),
        }
        if edit.keeps_line_breaks {
            output.push_line_breaks(&source[edit_start..edit_end]);
        }
        copied_to = copied_to.max(edit_end);
    }
    output.copy(copied_to, source.len());
    output.push(crate::output::preamble::CLOSING);
    Some(Spliced {
        code: output.code,
        mappings: output.mappings,
    })
}

fn offset_of(position: BytePos, start: BytePos) -> Option<usize> {
    position
        .0
        .checked_sub(start.0)
        .map(|offset| offset as usize)
}

struct Output<'a> {
    source: &'a str,
    code: String,
    mappings: Vec<SplicedMapping>,
    /// Whether the positions below are followed (only a source map needs them).
    follows_positions: bool,
    /// 0-based line and UTF-16 column of the end of `code`, as JavaScript counts lines.
    generated: LineCol,
    /// The same of the source at `original_offset`, which copying moves along with `generated`.
    original: LineCol,
    original_offset: usize,
    start: BytePos,
    /// Source offsets of the tokens to map, sorted; `next_position` is the first not yet passed.
    positions: &'a [usize],
    next_position: usize,
}

impl Output<'_> {
    fn push(&mut self, text: &str) {
        if self.follows_positions {
            Advance::over(text).apply(&mut self.generated);
        }
        self.code.push_str(text);
    }

    /// Copies `source[from..to]`, mapping the tokens that start in it. The copied text moves the
    /// source and output positions alike: each stretch is measured once for both.
    fn copy(&mut self, from: usize, to: usize) {
        let source = self.source;
        self.code.push_str(&source[from..to]);
        if !self.follows_positions {
            return;
        }
        self.follow_source(from);
        let mut at = from;
        while let Some(&position) = self.positions.get(self.next_position) {
            if position >= to {
                break;
            }
            self.next_position += 1;
            if position < at {
                continue;
            }
            self.copied(at, position);
            self.map(position);
            at = position;
        }
        self.copied(at, to);
    }

    /// Moves both positions past the copied `source[from..to]`.
    fn copied(&mut self, from: usize, to: usize) {
        let advance = Advance::over_range(self.source, from, to);
        advance.apply(&mut self.generated);
        advance.apply(&mut self.original);
        self.original_offset = to;
    }

    /// Moves the source position forward to `offset` (past replaced text).
    fn follow_source(&mut self, offset: usize) {
        if offset > self.original_offset {
            Advance::over_range(self.source, self.original_offset, offset)
                .apply(&mut self.original);
            self.original_offset = offset;
        }
    }

    /// Source `[from, to)` is replaced: its first token maps to the replacement, the rest of its
    /// tokens are gone.
    fn replace(&mut self, from: usize, to: usize) {
        while let Some(&position) = self.positions.get(self.next_position) {
            if position >= to {
                break;
            }
            self.next_position += 1;
            if position == from {
                self.map(position);
            }
        }
    }

    fn map(&mut self, position: usize) {
        self.follow_source(position);
        let offset = u32::try_from(position).unwrap_or(u32::MAX);
        self.mappings.push(SplicedMapping {
            source: self.start + BytePos(offset),
            original: self.original,
            generated: self.generated,
        });
    }

    /// Writes the line breaks of `text` (a replaced range), nothing else.
    fn push_line_breaks(&mut self, text: &str) {
        for line_break in line_breaks(text) {
            self.push(&text[line_break]);
        }
    }
}

/// How a position moves past a piece of text.
#[derive(Clone, Copy)]
enum Advance {
    /// Along the line, by this many UTF-16 units.
    Columns(u32),
    /// Down this many lines, to this column.
    Lines { breaks: u32, column: u32 },
}

impl Advance {
    fn over(text: &str) -> Advance {
        Advance::over_range(text, 0, text.len())
    }

    /// The advance over `text[from..to]`.
    fn over_range(text: &str, from: usize, to: usize) -> Advance {
        if let Some(advance) = Advance::over_plain_ascii(text.as_bytes(), from, to) {
            return advance;
        }
        let stretch = &text[from..to];
        match last_line_start(stretch) {
            Some((breaks, line_start)) => Advance::Lines {
                breaks,
                column: utf16_len(&stretch[line_start..]),
            },
            None => Advance::Columns(utf16_len(stretch)),
        }
    }

    /// The advance over `bytes[from..to]` when it is ASCII whose only line breaks are `\n`
    /// (nearly every stretch between two tokens); `None` for other text. Most stretches are a few
    /// bytes, so on x86-64 the bytes are read in blocks of sixteen from `from` whenever `bytes`
    /// has them, past `to` if need be, and the bits of bytes past `to` ignored: a short stretch
    /// is one block. Elsewhere, and near the end of `bytes`, eight bytes at a time, then one.
    fn over_plain_ascii(bytes: &[u8], from: usize, to: usize) -> Option<Advance> {
        let mut breaks = 0u32;
        let mut line_start = from;
        let mut at = from;
        #[cfg(target_arch = "x86_64")]
        while at < to {
            let Some(block) = bytes
                .get(at..at + 16)
                .and_then(|chunk| <[u8; 16]>::try_from(chunk).ok())
            else {
                break;
            };
            let inside = if to - at >= 16 {
                0xffff
            } else {
                (1 << (to - at)) - 1
            };
            let lines = crate::text::byte_blocks::line_breaks(&block);
            if lines.others & inside != 0 {
                return None;
            }
            let newlines = lines.newlines & inside;
            if newlines != 0 {
                breaks += newlines.count_ones();
                line_start = at + (31 - newlines.leading_zeros() as usize) + 1;
            }
            at += 16;
        }
        let rest = bytes.get(at.min(to)..to)?;
        let mut words = rest.chunks_exact(8);
        for chunk in &mut words {
            let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
            if (word & HIGH_BITS) | zero_bytes(word ^ repeated(b'\r')) != 0 {
                return None;
            }
            let newlines = zero_bytes(word ^ repeated(b'\n'));
            if newlines != 0 {
                breaks += newlines.count_ones();
                // The highest flagged byte is the last newline (the word is little-endian).
                line_start = at + (63 - newlines.leading_zeros() as usize) / 8 + 1;
            }
            at += 8;
        }
        for (index, &byte) in words.remainder().iter().enumerate() {
            match byte {
                b'\n' => {
                    breaks += 1;
                    line_start = at + index + 1;
                }
                b'\r' | 0x80.. => return None,
                _ => {}
            }
        }
        // Both are under the length of a source, which is under 4 GB.
        let column = (to - line_start) as u32;
        Some(if breaks == 0 {
            Advance::Columns(column)
        } else {
            Advance::Lines { breaks, column }
        })
    }

    fn apply(self, position: &mut LineCol) {
        match self {
            Advance::Columns(units) => position.col += units,
            Advance::Lines { breaks, column } => {
                position.line += breaks;
                position.col = column;
            }
        }
    }
}

/// How many line breaks `text` has and where its last line starts.
fn last_line_start(text: &str) -> Option<(u32, usize)> {
    line_breaks(text).fold(None, |last, line_break| {
        let breaks = last.map_or(0, |(breaks, _)| breaks);
        Some((breaks + 1, line_break.end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(text: &str) -> (u32, u32) {
        let mut position = LineCol { line: 2, col: 5 };
        Advance::over(text).apply(&mut position);
        (position.line, position.col)
    }

    #[test]
    fn stretches_move_positions_as_javascript_counts_lines() {
        let comment = format!("/**\n{}*/\n", " * a line of a doc comment é\n".repeat(300));
        for (text, expected) in [
            ("", (2, 5)),
            ("a + ", (2, 9)),
            (";\n    ", (3, 4)),
            ("\r\n\r\n\t", (4, 1)),
            ("\r\r", (4, 0)),
            ("a\u{2028}bc", (3, 2)),
            ("é😀", (2, 8)),
            (comment.as_str(), (304, 0)),
            ("/* a long comment on one line, with é */ ", (2, 46)),
        ] {
            assert_eq!(moved(text), expected, "{text:?}");
        }
    }

    #[test]
    fn plain_ascii_stretches_move_as_any_other_text() {
        let text =
            "a\n\nbc defgh\n\u{1}\u{7f}ijklmnopq\n\nrstuvwxyz\n 0123456789abcdefghij\n\u{e9}\r";
        let ascii_end = text.len() - "\u{e9}\r".len();
        for from in 0..ascii_end {
            for to in from..=ascii_end {
                let stretch = &text[from..to];
                let general = match last_line_start(stretch) {
                    Some((breaks, start)) => (breaks, utf16_len(&stretch[start..])),
                    None => (0, utf16_len(stretch)),
                };
                let plain = |bytes: &[u8]| match Advance::over_plain_ascii(bytes, from, to) {
                    Some(Advance::Columns(column)) => (0, column),
                    Some(Advance::Lines { breaks, column }) => (breaks, column),
                    None => (u32::MAX, u32::MAX),
                };
                // Read past `to` (blocks) and up to it only (words and bytes).
                assert_eq!(plain(text.as_bytes()), general, "{stretch:?}");
                assert_eq!(plain(&text.as_bytes()[..to]), general, "{stretch:?}");
            }
        }
        for other in [
            "12345678\r",
            "1234567\u{e9}",
            "\r",
            "\u{2028}",
            "abcdefghijklmno\u{80}",
        ] {
            let bytes = other.as_bytes();
            assert!(
                Advance::over_plain_ascii(bytes, 0, bytes.len()).is_none(),
                "{other:?}"
            );
        }
    }
}
