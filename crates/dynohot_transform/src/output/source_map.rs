//! The V3 source map of the output. Without an input map it is encoded here in one pass over the
//! mappings, which arrive in output order: the splicer's with their source lines and columns, the
//! printer's nearly in source order (so line lookups and UTF-16 columns are computed
//! incrementally). With an input map swc's builder chains the two.

use std::io;

use swc_core::common::{sync::Lrc, BytePos, FileName, LineCol, SourceFile, SourceMap};

use crate::{
    output::json_string::{ascii_json, push_json_string},
    text::line_breaks::line_breaks,
};

/// swc's map settings for the chained case: `sources` is the module URL, the source is embedded.
struct MapConfig<'a> {
    url: &'a str,
}

impl swc_core::common::source_map::SourceMapGenConfig for MapConfig<'_> {
    fn file_name_to_source(&self, _: &FileName) -> String {
        self.url.to_owned()
    }

    fn inline_sources_content(&self, _: &FileName) -> bool {
        true
    }
}

/// The mapped tokens of the output.
pub enum Mappings {
    /// The printer's: the source position of each printed token (`BytePos(u32::MAX)` for one it
    /// made up) and where it landed.
    Printed(Vec<(BytePos, LineCol)>),
    /// The splicer's, which follows the source's lines and columns as it copies it.
    Spliced(Vec<SplicedMapping>),
}

/// A token of the spliced output: where it starts in the source, as a position and as a 0-based
/// line and UTF-16 column, and where it landed.
pub struct SplicedMapping {
    pub source: BytePos,
    pub original: LineCol,
    pub generated: LineCol,
}

/// The V3 source map JSON of `mappings`, chained through `input_map` when one is given (an
/// unreadable input map is ignored: the output then maps to the transform's input).
pub fn source_map_json(
    cm: &Lrc<SourceMap>,
    file: &SourceFile,
    mappings: &Mappings,
    url: &str,
    input_map: Option<&str>,
) -> io::Result<String> {
    let input =
        input_map.and_then(|json| swc_sourcemap::SourceMap::from_slice(json.as_bytes()).ok());
    let Some(input) = input else {
        let text = file.src.as_str();
        return Ok(match mappings {
            Mappings::Printed(printed) => encode(text, url, printed_segments(file, printed)),
            Mappings::Spliced(spliced) => encode(
                text,
                url,
                spliced
                    .iter()
                    .map(|mapping| (mapping.original, mapping.generated)),
            ),
        });
    };
    let pairs: Vec<(BytePos, LineCol)>;
    let positions = match mappings {
        Mappings::Printed(printed) => printed.as_slice(),
        Mappings::Spliced(spliced) => {
            pairs = spliced
                .iter()
                .map(|mapping| (mapping.source, mapping.generated))
                .collect();
            &pairs
        }
    };
    let map = cm.build_source_map(positions, Some(input), MapConfig { url });
    let mut json = Vec::new();
    map.to_writer(&mut json)
        .map_err(|error| io::Error::other(error.to_string()))?;
    String::from_utf8(json).map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}

/// The printer's mappings as (original, generated) positions, without the tokens it placed in
/// comments or outside the file.
fn printed_segments<'a>(
    file: &'a SourceFile,
    printed: &'a [(BytePos, LineCol)],
) -> impl Iterator<Item = (LineCol, LineCol)> + 'a {
    let text = file.src.as_str();
    let mut columns = SourceColumns::new(text);
    printed.iter().filter_map(move |&(position, generated)| {
        let original = if position == BytePos(u32::MAX) {
            // A token the printer made up: swc maps it to the start of the source.
            LineCol { line: 0, col: 0 }
        } else if position.is_reserved_for_comments() || position < file.start_pos {
            return None;
        } else {
            let offset = (position.0 - file.start_pos.0) as usize;
            if offset > text.len() {
                return None;
            }
            columns.line_and_column(offset)
        };
        Some((original, generated))
    })
}

/// The map of `segments`: (original, generated) position of each token, in output order.
fn encode(text: &str, url: &str, segments: impl Iterator<Item = (LineCol, LineCol)>) -> String {
    let tokens = segments.size_hint().1.unwrap_or(0);
    let mut json = Vec::with_capacity(text.len() + text.len() / 8 + tokens * 6 + 128);
    json.extend_from_slice(b"{\"version\":3,\"sources\":[");
    push_json_string(&mut json, url);
    json.extend_from_slice(b"],\"sourcesContent\":[");
    push_json_string(&mut json, text);
    json.extend_from_slice(b"],\"names\":[],\"mappings\":\"");
    let mut previous = Segment::default();
    let mut generated_line = 0;
    let mut first_on_line = true;
    for (original, generated) in segments {
        while generated_line < generated.line {
            json.push(b';');
            generated_line += 1;
            previous.generated_column = 0;
            first_on_line = true;
        }
        if !first_on_line {
            json.push(b',');
        }
        first_on_line = false;
        let segment = Segment {
            generated_column: generated.col,
            source_line: original.line,
            source_column: original.col,
        };
        push_vlq(
            &mut json,
            segment.generated_column,
            previous.generated_column,
        );
        // Always source 0: `A` is the delta 0.
        json.push(b'A');
        push_vlq(&mut json, segment.source_line, previous.source_line);
        push_vlq(&mut json, segment.source_column, previous.source_column);
        previous = segment;
    }
    json.extend_from_slice(b"\"}");
    ascii_json(json)
}

#[derive(Default, Clone, Copy)]
struct Segment {
    generated_column: u32,
    source_line: u32,
    source_column: u32,
}

/// Source byte offsets to (0-based line, UTF-16 column), remembering the last answer so that
/// offsets in increasing order cost only the text between them.
struct SourceColumns<'a> {
    text: &'a str,
    /// Byte offset where each line starts (line breaks as JavaScript counts them).
    line_starts: Vec<usize>,
    line: usize,
    offset: usize,
    column: u32,
}

impl<'a> SourceColumns<'a> {
    fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(line_breaks(text).map(|line_break| line_break.end))
            .collect();
        SourceColumns {
            text,
            line_starts,
            line: 0,
            offset: 0,
            column: 0,
        }
    }

    fn line_and_column(&mut self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(self.text, offset);
        let line_start = self.line_starts[self.line];
        let line_end = self
            .line_starts
            .get(self.line + 1)
            .copied()
            .unwrap_or(usize::MAX);
        if !(offset >= self.offset && offset >= line_start && offset < line_end) {
            self.line = self.line_starts.partition_point(|&start| start <= offset) - 1;
            self.offset = self.line_starts[self.line];
            self.column = 0;
        }
        self.column += utf16_len(&self.text[self.offset..offset]);
        self.offset = offset;
        LineCol {
            line: u32::try_from(self.line).unwrap_or(u32::MAX),
            col: self.column,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Length in UTF-16 code units (what JavaScript and source maps count). Printed code is nearly
/// always ASCII: one unit per byte, no decoding needed.
pub(crate) fn utf16_len(text: &str) -> u32 {
    let units = if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    };
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// Appends `value - previous` as a base64 VLQ.
fn push_vlq(out: &mut Vec<u8>, value: u32, previous: u32) {
    const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let delta = i64::from(value) - i64::from(previous);
    let mut rest = if delta < 0 {
        ((-delta) << 1) | 1
    } else {
        delta << 1
    } as u64;
    loop {
        let mut digit = (rest & 31) as usize;
        rest >>= 5;
        if rest > 0 {
            digit |= 32;
        }
        out.push(BASE64[digit]);
        if rest == 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vlq_matches_the_specification_examples() {
        let mut out = Vec::new();
        for (value, previous) in [(0, 0), (1, 0), (0, 1), (16, 0), (0, 16), (1000, 0)] {
            push_vlq(&mut out, value, previous);
            out.push(b',');
        }
        assert_eq!(out, b"A,C,D,gB,hB,w+B,");
    }

    #[test]
    fn columns_count_utf16_units_and_javascript_line_breaks() {
        let text = "a😀b\r\nc\u{2028}d\re";
        let mut columns = SourceColumns::new(text);
        let mut at = |offset: usize| {
            let position = columns.line_and_column(offset);
            (position.line, position.col)
        };
        assert_eq!(at(text.find('b').unwrap_or(0)), (0, 3));
        assert_eq!(at(text.find('c').unwrap_or(0)), (1, 0));
        assert_eq!(at(text.find('d').unwrap_or(0)), (2, 0));
        assert_eq!(at(text.find('e').unwrap_or(0)), (3, 0));
        assert_eq!(at(0), (0, 0));
    }
}
