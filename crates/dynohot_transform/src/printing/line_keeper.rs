//! A writer between swc's emitter and `JsWriter` that keeps nested code on its original lines:
//! before a token whose source position lies on a later line than the output has reached, it
//! writes line breaks, and the emitter's own formatting breaks become spaces otherwise. Stack traces then show the original line numbers even without source maps
//! (SPEC §6), and the source map stays exact because the breaks go through the inner writer.
//!
//! A break is only ever added where the source had one between the same two tokens, and never
//! where a line break changes the meaning of the code: after `return`, `throw`, `break`,
//! `continue`, `yield`, `async` and `using`, before `++`, `--` and `=>`, and inside template
//! literal text (before its pieces of text, `${` and the backticks).
//!
//! ```text
//! f(1,                          →    f(1,
//!   2);                              2);      (the emitter alone would print `f(1, 2);`)
//! ```

use swc_core::{
    common::{BytePos, SourceFile, Span},
    ecma::codegen::text_writer::WriteJs,
};

type Result = std::io::Result<()>;

/// Keywords after which a line break ends the statement or changes the construct.
const NO_BREAK_AFTER: [&str; 7] = [
    "return", "throw", "break", "continue", "yield", "async", "using",
];

/// Tokens a line break may not precede: postfix update and arrow (the break changes the code),
/// and the template punctuation written between pieces of template text.
const NO_BREAK_BEFORE: [&str; 5] = ["++", "--", "=>", "`", "${"];

pub struct LineKeeper<'a, W: WriteJs> {
    inner: W,
    file: &'a SourceFile,
    /// 0-based line the output has reached.
    line: u32,
    /// The latest original line seen (0-based): the output catches up to it before the next token.
    target: u32,
    /// The last token written forbids a line break after it.
    hold: bool,
    /// Nothing was written on the current line yet (`JsWriter` ignores a line break there).
    at_line_start: bool,
    /// The emitter asked for a line break (its formatting): replaced by a space when the next
    /// token is known to belong on the current line, so that code the source had on one line
    /// stays there; given otherwise.
    pending_break: bool,
    /// The original line of the latest position seen since the last token.
    last_note: Option<u32>,
    /// The latest position seen since the last token: the emitter gives the position of a number or
    /// string to `add_srcmap`, then writes it with no span of its own.
    last_position: Option<BytePos>,
    /// The byte range of the original line `target` was last looked up in (a cache: positions
    /// mostly arrive in order, and most share a line with the one before).
    cached_line: (BytePos, BytePos, u32),
}

impl<'a, W: WriteJs> LineKeeper<'a, W> {
    pub fn new(inner: W, file: &'a SourceFile, line: u32) -> Self {
        LineKeeper {
            inner,
            file,
            line,
            target: line,
            hold: false,
            at_line_start: true,
            pending_break: false,
            last_note: None,
            last_position: None,
            cached_line: (BytePos(1), BytePos(0), 0),
        }
    }

    fn original_line(&mut self, pos: BytePos) -> Option<u32> {
        if pos.is_dummy() {
            return None;
        }
        let (start, end, line) = self.cached_line;
        if start <= pos && pos < end {
            return Some(line);
        }
        let index = self.file.lookup_line(pos)?;
        let (start, end) = self.file.line_bounds(index);
        let line = u32::try_from(index).ok()?;
        self.cached_line = (start, end, line);
        Some(line)
    }

    fn note(&mut self, pos: BytePos) {
        if let Some(line) = self.original_line(pos) {
            self.target = self.target.max(line);
            self.last_note = Some(line);
            self.last_position = Some(pos);
        }
    }

    /// Breaks lines up to the target.
    fn catch_up(&mut self) -> Result {
        while self.line < self.target {
            // `JsWriter` writes no empty lines: give the line a space so that it breaks.
            if self.at_line_start {
                self.inner.write_space()?;
            }
            self.inner.write_line()?;
            self.line += 1;
            self.at_line_start = true;
        }
        Ok(())
    }

    /// Writes one token: `breakable` says whether a line break may come before it.
    fn token(
        &mut self,
        span: Option<Span>,
        text: &str,
        breakable: bool,
        write: impl FnOnce(&mut W) -> Result,
    ) -> Result {
        if let Some(span) = span {
            self.note(span.lo);
        }
        if breakable && !self.hold && self.target > self.line {
            self.catch_up()?;
        } else if self.pending_break && !self.at_line_start {
            // A formatting break is given only before a token known to come from a later line;
            // before one of this line or an earlier one (the output may be past it already), or of
            // no known line (generated code, a bracket the emitter gives no position), it would
            // push every line after it down.
            if self.last_note.is_none_or(|line| line <= self.line) {
                self.inner.write_space()?;
            } else {
                self.inner.write_line()?;
                self.line += 1;
                self.at_line_start = true;
            }
        }
        self.pending_break = false;
        self.last_note = None;
        self.last_position = None;
        write(&mut self.inner)?;
        self.count_lines(text);
        self.hold = NO_BREAK_AFTER.contains(&text);
        self.at_line_start &= text.is_empty();
        Ok(())
    }

    fn count_lines(&mut self, text: &str) {
        let breaks = text.bytes().filter(|&byte| byte == b'\n').count();
        self.line = self
            .line
            .saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
    }

    /// Whether a literal token at `position` (strings, numbers and template text all come through
    /// `write_str_lit`) may start a line: template text may not, a line break there would change
    /// the string. Template text follows a backtick, the `}` that closes a substitution, or (where
    /// the emitter splits it at its line breaks) a line break.
    fn may_start_line(&self, position: BytePos) -> bool {
        if position.is_dummy() || position < self.file.start_pos {
            return false;
        }
        let offset = (position - self.file.start_pos).0 as usize;
        let before = offset
            .checked_sub(1)
            .and_then(|index| self.file.src.as_bytes().get(index));
        // 0xA8 and 0xA9 end U+2028 and U+2029 (and a few other characters: not breaking before
        // a literal only costs a line).
        !matches!(before, Some(b'`' | b'}' | b'\n' | b'\r' | 0xA8 | 0xA9))
    }
}

impl<W: WriteJs> WriteJs for LineKeeper<'_, W> {
    fn increase_indent(&mut self) -> Result {
        self.inner.increase_indent()
    }

    fn decrease_indent(&mut self) -> Result {
        self.inner.decrease_indent()
    }

    fn write_semi(&mut self, span: Option<Span>) -> Result {
        self.token(None, ";", false, |inner| inner.write_semi(span))
    }

    fn write_space(&mut self) -> Result {
        self.at_line_start = false;
        self.inner.write_space()
    }

    fn write_keyword(&mut self, span: Option<Span>, s: &'static str) -> Result {
        self.token(span, s, true, |inner| inner.write_keyword(span, s))
    }

    fn write_operator(&mut self, span: Option<Span>, s: &str) -> Result {
        let breakable = !NO_BREAK_BEFORE.contains(&s);
        self.token(span, s, breakable, |inner| inner.write_operator(span, s))
    }

    fn write_param(&mut self, s: &str) -> Result {
        self.token(None, s, true, |inner| inner.write_param(s))
    }

    fn write_property(&mut self, s: &str) -> Result {
        self.token(None, s, true, |inner| inner.write_property(s))
    }

    fn write_line(&mut self) -> Result {
        self.pending_break = true;
        Ok(())
    }

    fn write_lit(&mut self, span: Span, s: &str) -> Result {
        self.token(Some(span), s, true, |inner| inner.write_lit(span, s))
    }

    fn write_comment(&mut self, s: &str) -> Result {
        self.inner.write_comment(s)?;
        self.count_lines(s);
        self.at_line_start &= s.is_empty();
        Ok(())
    }

    fn write_str_lit(&mut self, span: Span, s: &str) -> Result {
        let position = if span.is_dummy() {
            self.last_position
        } else {
            Some(span.lo)
        };
        let breakable = position.is_some_and(|position| self.may_start_line(position));
        let noted = (breakable && !span.is_dummy()).then_some(span);
        self.token(noted, s, breakable, |inner| inner.write_str_lit(span, s))
    }

    fn write_str(&mut self, s: &str) -> Result {
        self.token(None, s, false, |inner| inner.write_str(s))
    }

    fn write_symbol(&mut self, span: Span, s: &str) -> Result {
        self.token(Some(span), s, true, |inner| inner.write_symbol(span, s))
    }

    fn write_punct(
        &mut self,
        span: Option<Span>,
        s: &'static str,
        commit_pending_semi: bool,
    ) -> Result {
        let breakable = !NO_BREAK_BEFORE.contains(&s);
        self.token(span, s, breakable, |inner| {
            inner.write_punct(span, s, commit_pending_semi)
        })
    }

    fn care_about_srcmap(&self) -> bool {
        self.inner.care_about_srcmap()
    }

    fn add_srcmap(&mut self, pos: BytePos) -> Result {
        self.note(pos);
        self.inner.add_srcmap(pos)
    }

    fn commit_pending_semi(&mut self) -> Result {
        self.inner.commit_pending_semi()
    }
}
