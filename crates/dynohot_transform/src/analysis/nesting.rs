//! A bound on syntactic nesting. The parser and the passes after it recurse once per level; code
//! nested deeper than the transform's stack holds is rejected (before parsing, by a scan of its
//! brackets and arrows; after, by `module_scan`'s count of every level), so it cannot overflow the
//! stack. The bound is far beyond what plain node runs: V8's own stack holds about 1,600 nested
//! brackets and 3,600 `else if` branches (a binary chain is no deeper than its operands to V8).
//!
//! ```text
//! a = ((((…1…))));  (brackets past NESTING_LIMIT)    →    error at the first bracket past it:
//!                                                         The code is nested more than … levels deep
//! ```

use swc_core::common::BytePos;

use crate::error::SourceProblem;

/// The stack the transform runs on (see `large_stack`; scripts/build-wasm.sh sizes wasm's).
#[cfg(not(target_family = "wasm"))]
const TRANSFORM_STACK: usize = crate::large_stack::STACK_SIZE;
#[cfg(target_family = "wasm")]
const TRANSFORM_STACK: usize = 16 << 20;

/// The stack one nesting level takes, parser and every pass after it, with a margin of two. The
/// most measured (swc_core 83) was on the debug build, whose passes are unoptimised: about 19 KB a
/// level for nested parentheses (printed or spliced alike), 14 KB for arrows, 12 KB for blocks,
/// about 1 KB for `else if` chains and binary operators. In wasm the shadow stack holds only what
/// has its address taken; the frames themselves are on V8's native stack (about 1 MB), which ends
/// the recursion first (from about 500 levels of `(a)=>(`) with a trap the binding reports.
#[cfg(not(target_family = "wasm"))]
const STACK_PER_LEVEL: usize = 40 << 10;
#[cfg(target_family = "wasm")]
const STACK_PER_LEVEL: usize = 4 << 10;

/// How deep code may nest: 104,857 levels on 64-bit targets (4 GB of stack), 6,553 on 32-bit
/// ones (256 MB), 4,096 in wasm (16 MB).
pub const NESTING_LIMIT: usize = TRANSFORM_STACK / STACK_PER_LEVEL;

/// The error for code nested deeper than `NESTING_LIMIT`.
fn too_deep_message() -> String {
    format!("The code is nested more than {NESTING_LIMIT} levels deep")
}

/// Before parsing (the parser recurses, and cannot be stopped once it overflows): a bound on its
/// depth, `NESTING_LIMIT` brackets and arrows. Arrows are the one nesting without a bracket that
/// costs the parser much stack (about 1.5 KB a level: 3.3 million `a=>` in 10 MB overflowed 4 GB);
/// 10 MB of any other unary, binary, conditional or assignment chain was measured well within it.
/// Most modules have fewer brackets and arrows in all than the limit, which a count settles.
/// Otherwise the scan follows bracket depth, skipping strings and comments, plus the arrows that
/// may still be open: those since the last `,` or `;` at each open bracket depth (an
/// arrow's body ends by then). Brackets inside regular expressions and template text are counted
/// too, which can only make the bound larger; closing brackets never take it below zero.
pub fn check_parser_nesting(text: &str) -> Result<(), (usize, String)> {
    let bytes = text.as_bytes();
    if bytes.len() <= NESTING_LIMIT {
        return Ok(());
    }
    if count_openings(bytes) <= NESTING_LIMIT {
        return Ok(());
    }
    let too_deep = |index: usize| Err((index, too_deep_message()));
    // Arrows since the last `,` or `;`, at each bracket depth (the first entry is the top level),
    // and their sum.
    let mut arrow_runs: Vec<usize> = vec![0];
    let mut open_arrows = 0usize;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'(' | b'[' | b'{' => {
                arrow_runs.push(0);
                if arrow_runs.len() - 1 + open_arrows > NESTING_LIMIT {
                    return too_deep(index);
                }
            }
            b')' | b']' | b'}' if arrow_runs.len() > 1 => {
                open_arrows -= arrow_runs.pop().unwrap_or(0);
            }
            b',' | b';' => {
                if let Some(run) = arrow_runs.last_mut() {
                    open_arrows -= *run;
                    *run = 0;
                }
            }
            b'=' if bytes.get(index + 1) == Some(&b'>') => {
                if let Some(run) = arrow_runs.last_mut() {
                    *run += 1;
                    open_arrows += 1;
                }
                if arrow_runs.len() - 1 + open_arrows > NESTING_LIMIT {
                    return too_deep(index);
                }
                index += 1;
            }
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

/// The opening brackets and `>` (every arrow has one) of `bytes`: an upper bound on the levels
/// they can open. Counted in blocks of 255 into a byte, which the compiler vectorises.
fn count_openings(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let in_block = block.iter().fold(0u8, |count, &byte| {
                count + u8::from(matches!(byte, b'(' | b'[' | b'{' | b'>'))
            });
            usize::from(in_block)
        })
        .sum()
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
            Some(position) => Err(SourceProblem::new(position, too_deep_message())),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(open: &str, close: &str, count: usize) -> String {
        format!("x = {}1{};", open.repeat(count), close.repeat(count))
    }

    #[test]
    fn brackets_and_arrow_chains_beyond_what_the_parser_holds_are_rejected() {
        let beyond = NESTING_LIMIT + 1;
        for (open, close) in [("(", ")"), ("a=>", ""), ("(a)=>(", ")"), ("a=>[", "]")] {
            let error = check_parser_nesting(&levels(open, close, beyond));
            assert!(error.is_err(), "{open}");
        }
    }

    #[test]
    fn openings_are_counted_across_blocks() {
        let text = "a(b[c{d>e".repeat(300);
        assert_eq!(count_openings(text.as_bytes()), 1_200);
    }

    #[test]
    fn arrows_end_at_commas_semicolons_and_closing_brackets() {
        let beyond = NESTING_LIMIT + 1;
        for separated in ["a=>1,", "a=>1;", "(a=>1)", "f(a=>b=>c)"] {
            assert_eq!(check_parser_nesting(&separated.repeat(beyond)), Ok(()));
        }
    }

    #[test]
    fn brackets_in_strings_and_comments_are_not_nesting() {
        let beyond = NESTING_LIMIT + 1;
        let text = format!("'{0}'; \"{0}\"; // {0}\n/* {0} */", "(".repeat(beyond));
        assert_eq!(check_parser_nesting(&text), Ok(()));
    }
}
