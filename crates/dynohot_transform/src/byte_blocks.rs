//! Sixteen bytes classified at once with SSE2, which every x86-64 processor has: the scans that
//! run over most of a module's text (copying it into JSON, following line and column past it)
//! test a block in a few instructions where a byte at a time takes a few per byte. Each answer
//! has one bit per byte: bit `n` for byte `n`.

use std::arch::x86_64::{
    __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
    _mm_set1_epi8,
};

/// The bytes a JSON string must escape: control characters, `"`, `\\`, and (to keep the text
/// ASCII) everything from 0x80 up.
pub fn json_escapes(block: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is enabled on every x86-64 target, and the load reads the sixteen bytes of
    // `block`.
    let mask = unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        // Compared as signed bytes, those below a space are the control characters and
        // everything from 0x80 up.
        _mm_movemask_epi8(_mm_or_si128(
            _mm_cmplt_epi8(bytes, _mm_set1_epi8(b' ' as i8)),
            _mm_or_si128(
                _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'"' as i8)),
                _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\\' as i8)),
            ),
        ))
    };
    // The mask has sixteen bits, one per byte.
    mask as u32
}

/// The `\n` bytes, and the bytes that make counting lines and UTF-16 columns harder: `\r` and
/// everything from 0x80 up (U+2028 and U+2029 among them).
pub fn line_breaks(block: &[u8; 16]) -> LineBytes {
    // SAFETY: as in `json_escapes`.
    let (newlines, others) = unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let newlines = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\n' as i8)));
        // A byte's high bit is the mask's bit for it: the bytes from 0x80 up.
        let others = _mm_movemask_epi8(_mm_or_si128(
            bytes,
            _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\r' as i8)),
        ));
        (newlines, others)
    };
    LineBytes {
        newlines: newlines as u32,
        others: others as u32,
    }
}

pub struct LineBytes {
    pub newlines: u32,
    pub others: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_value_is_classified_in_every_place() {
        for byte in 0..=255u8 {
            for at in 0..16 {
                let mut block = [b'a'; 16];
                block[at] = byte;
                let bit = 1 << at;
                let escaped = !(0x20..0x80).contains(&byte) || byte == b'"' || byte == b'\\';
                assert_eq!(
                    json_escapes(&block),
                    if escaped { bit } else { 0 },
                    "{byte:#x}"
                );
                let lines = line_breaks(&block);
                assert_eq!(
                    lines.newlines,
                    if byte == b'\n' { bit } else { 0 },
                    "{byte:#x}"
                );
                let other = byte == b'\r' || byte >= 0x80;
                assert_eq!(lines.others, if other { bit } else { 0 }, "{byte:#x}");
            }
        }
    }
}
