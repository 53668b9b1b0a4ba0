//! A bound on syntactic nesting. The passes after parsing recurse once per level; code nested
//! deeper than any real module is rejected before them, so they cannot overflow the stack.

use swc_core::common::BytePos;

use crate::error::SourceProblem;

/// Deeper than hand-written or generated code goes, and well within the transform thread's stack.
pub const NESTING_LIMIT: usize = 2_000;

/// Before parsing (the parser recurses too): the deepest bracket nesting of the text, skipping
/// strings and comments. Brackets inside regular expressions and template text are counted as
/// well, which can only make the estimate larger; closing brackets never take it below zero.
pub fn check_bracket_nesting(text: &str) -> Result<(), (usize, String)> {
    let bytes = text.as_bytes();
    // No more opening brackets than the limit (most modules) cannot nest deeper than it: a count,
    // which the compiler vectorises, settles that without the scan.
    let openings = bytes
        .iter()
        .filter(|&&byte| matches!(byte, b'(' | b'[' | b'{'))
        .count();
    if openings <= NESTING_LIMIT {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > NESTING_LIMIT {
                    return Err((
                        index,
                        format!("The code is nested more than {NESTING_LIMIT} levels deep"),
                    ));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            quote @ (b'"' | b'\'') => {
                index += 1;
                while index < bytes.len() && bytes[index] != quote && bytes[index] != b'\n' {
                    index += if bytes[index] == b'\\' { 2 } else { 1 };
                }
            }
            // Comments (long in library code) are skipped with memchr's vectorised search.
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                index = memchr::memchr(b'\n', &bytes[index..]).map_or(bytes.len(), |at| index + at);
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => {
                index = memchr::memmem::find(&bytes[index + 2..], b"*/")
                    .map_or(bytes.len(), |at| index + 2 + at + 1);
            }
            _ => {}
        }
        index += 1;
    }
    Ok(())
}

/// After parsing: every kind of nesting (operators, arrows, statements), counted by
/// `module_scan` as it walks the syntax tree.
#[derive(Default)]
pub struct NestingDepth {
    depth: usize,
    too_deep_at: Option<BytePos>,
}

impl NestingDepth {
    /// Goes one level deeper into the node at `position`; false (and nothing to `leave`) when the
    /// limit is exceeded there or was before: the walk then goes no deeper.
    pub fn enter(&mut self, position: BytePos) -> bool {
        if self.too_deep_at.is_some() {
            return false;
        }
        if self.depth == NESTING_LIMIT {
            self.too_deep_at = Some(position);
            return false;
        }
        self.depth += 1;
        true
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    pub fn check(&self) -> Result<(), SourceProblem> {
        match self.too_deep_at {
            Some(position) => Err(SourceProblem::new(
                position,
                format!("The code is nested more than {NESTING_LIMIT} levels deep"),
            )),
            None => Ok(()),
        }
    }
}
