//! Line breaks as JavaScript counts them: `\n`, `\r`, `\r\n` (one break), U+2028 and U+2029.
//! Source map lines and stack-trace lines both count these.

use std::ops::Range;

/// The byte range of each line break of `text`, in order.
pub fn line_breaks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes).filter_map(move |index| match bytes[index] {
        // The second half of `\r\n`, counted with its `\r`.
        b'\n' if index > 0 && bytes[index - 1] == b'\r' => None,
        b'\n' => Some(index..index + 1),
        b'\r' if bytes.get(index + 1) == Some(&b'\n') => Some(index..index + 2),
        b'\r' => Some(index..index + 1),
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        _ if bytes.get(index + 1) == Some(&0x80)
            && matches!(bytes.get(index + 2), Some(0xA8 | 0xA9)) =>
        {
            Some(index..index + 3)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_javascript_line_break_is_found_once() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{2029}f\u{2027}g";
        let breaks: Vec<&str> = line_breaks(text).map(|range| &text[range]).collect();
        assert_eq!(breaks, ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}"]);
    }
}
