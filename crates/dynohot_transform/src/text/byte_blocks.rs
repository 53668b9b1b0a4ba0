//! Bytes classified many at once, for the scans that run over most of a module's text (copying
//! it into JSON, following line and column past it): eight in a `u64` on any target, and sixteen
//! with SSE2 on x86-64, where every processor has it. A word's answer has the high bit of each
//! flagged byte set; a block's has one bit per byte, bit `n` for byte `n`.

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::{
    __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
    _mm_set1_epi8,
};

/// Each byte of a word set to `byte`.
pub const fn repeated(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The high bit of each byte of a word.
pub const HIGH_BITS: u64 = repeated(0x80);

/// The high bit of each zero byte of `word`, and nothing else: no byte's test borrows from or
/// carries into another's.
pub fn zero_bytes(word: u64) -> u64 {
    const LOW_BITS: u64 = repeated(0x7f);
    !(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS)
}

/// The bytes of `word` a JSON string must escape, as `json_escapes` tells them for a block.
pub fn word_json_escapes(word: u64) -> u64 {
    // Control characters are the bytes with none of the top three bits set.
    zero_bytes(word & repeated(0xe0))
        | zero_bytes(word ^ repeated(b'"'))
        | zero_bytes(word ^ repeated(b'\\'))
        | (word & HIGH_BITS)
}

/// The bytes a JSON string must escape: control characters, `"`, `\\`, and (to keep the text
/// ASCII) everything from 0x80 up.
#[cfg(target_arch = "x86_64")]
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
#[cfg(target_arch = "x86_64")]
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

#[cfg(target_arch = "x86_64")]
pub struct LineBytes {
    pub newlines: u32,
    pub others: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_are_flagged_exactly() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let word =
                    u64::from_le_bytes(std::array::from_fn(
                        |index| if index == at { 0 } else { byte },
                    ));
                let expected = (0..8)
                    .filter(|&index| index == at || byte == 0)
                    .fold(0, |flags, index| flags | 0x80 << (8 * index));
                assert_eq!(zero_bytes(word), expected, "{byte:#x} at {at}");
            }
        }
    }

    #[test]
    fn each_byte_value_is_classified_in_every_place_of_a_word() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = byte;
                let escaped = !(0x20..0x80).contains(&byte) || byte == b'"' || byte == b'\\';
                let expected = if escaped { 0x80 << (8 * at) } else { 0 };
                assert_eq!(
                    word_json_escapes(u64::from_le_bytes(bytes)),
                    expected,
                    "{byte:#x}"
                );
            }
        }
    }

    #[cfg(target_arch = "x86_64")]
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
