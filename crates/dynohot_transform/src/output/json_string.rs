//! JSON string literals in ASCII, for the text the transform hands to JavaScript as JSON (the
//! source map, the metadata): ASCII crosses to a JavaScript string in one copy.

/// Appends `text` as a JSON string literal, in ASCII: each stretch that needs no escape is copied
/// in blocks, then the bytes to escape that follow it (a line break and the tabs that indent the
/// next line) one by one.
pub(crate) fn push_json_string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut index = 0;
    'text: while let Some(rest) = bytes.get(index..).filter(|rest| !rest.is_empty()) {
        index += push_plain(out, rest);
        while let Some(&byte) = bytes.get(index).filter(|&&byte| needs_escape(byte)) {
            match byte {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x80.. => {
                    // Escaped, the text stays ASCII, which crosses to JavaScript in one copy.
                    let Some(character) = text.get(index..).and_then(|rest| rest.chars().next())
                    else {
                        break 'text;
                    };
                    for unit in character.encode_utf16(&mut [0; 2]) {
                        push_unicode_escape(out, *unit);
                    }
                    index += character.len_utf8();
                    continue;
                }
                _ => push_unicode_escape(out, u16::from(byte)),
            }
            index += 1;
        }
    }
    out.push(b'"');
}

/// Copies the bytes at the start of `bytes` that need no escape to `out`, and says how many they
/// are: sixteen at a time where every processor of the target can, then eight, then one. A block
/// is copied whole (a copy of fixed size is a single store, where one of any size is a call) and
/// the bytes from the first to escape on are dropped again.
fn push_plain(out: &mut Vec<u8>, bytes: &[u8]) -> usize {
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(block) = bytes
        .get(at..at + 16)
        .and_then(|chunk| <[u8; 16]>::try_from(chunk).ok())
    {
        let flagged = crate::text::byte_blocks::json_escapes(&block);
        let length = out.len();
        out.extend_from_slice(&block);
        if flagged != 0 {
            let plain = flagged.trailing_zeros() as usize;
            out.truncate(length + plain);
            return at + plain;
        }
        at += 16;
    }
    while let Some(word) = bytes
        .get(at..at + 8)
        .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
    {
        let flagged = crate::text::byte_blocks::word_json_escapes(u64::from_le_bytes(word));
        let length = out.len();
        out.extend_from_slice(&word);
        if flagged != 0 {
            let plain = (flagged.trailing_zeros() / 8) as usize;
            out.truncate(length + plain);
            return at + plain;
        }
        at += 8;
    }
    for &byte in bytes.get(at..).unwrap_or_default() {
        if needs_escape(byte) {
            break;
        }
        out.push(byte);
        at += 1;
    }
    at
}

fn needs_escape(byte: u8) -> bool {
    !(0x20..0x80).contains(&byte) || byte == b'"' || byte == b'\\'
}

/// JSON text written with `push_json_string` and ASCII punctuation, as a `String`.
pub(crate) fn ascii_json(json: Vec<u8>) -> String {
    // Always ASCII, so always valid; the check is one fast pass over the text.
    String::from_utf8(json)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

fn push_unicode_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((unit >> shift) & 15)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_control_and_non_ascii_characters() {
        let mut out = Vec::new();
        push_json_string(&mut out, "a\"\\\n\u{1}é😀");
        assert_eq!(
            ascii_json(out),
            "\"a\\\"\\\\\\n\\u0001\\u00e9\\ud83d\\ude00\""
        );
    }

    #[test]
    fn json_strings_are_ascii_and_read_back_at_every_alignment() {
        let text = "plain words, then é\u{1f}\"quoted\" \\ back\tslash\r\nand \u{7f}\u{2028} more plain text";
        for start in 0..16 {
            let piece = &text[text.char_indices().nth(start).map_or(0, |(at, _)| at)..];
            let mut out = Vec::new();
            push_json_string(&mut out, piece);
            let out = ascii_json(out);
            assert!(out.is_ascii(), "{out}");
            assert_eq!(
                serde_json::from_str::<String>(&out).ok().as_deref(),
                Some(piece)
            );
        }
    }

    #[test]
    fn plain_stretches_end_at_the_first_byte_to_escape() {
        let plain = b"plain text, 40 bytes of it, and no more.";
        let copied = |bytes: &[u8]| {
            let mut out = b"before".to_vec();
            let length = push_plain(&mut out, bytes);
            assert_eq!(out[6..], bytes[..length]);
            length
        };
        for special in [b'\n', b'\t', 0, 0x1f, b'"', b'\\', 0x80, 0xff] {
            for at in 0..plain.len() {
                let mut bytes = plain.to_vec();
                bytes[at] = special;
                for start in 0..=at {
                    assert_eq!(copied(&bytes[start..]), at - start, "{special:#x} at {at}");
                }
            }
        }
        for length in 0..=plain.len() {
            assert_eq!(copied(&plain[..length]), length);
        }
    }
}
