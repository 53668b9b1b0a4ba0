//! A bound on syntactic nesting. The passes after parsing recurse once per level; code nested
//! deeper than any real module is rejected before them, so they cannot overflow the stack.

use swc_core::{
    common::{BytePos, Spanned},
    ecma::{
        ast::{Expr, Module, Pat, Stmt, TsType},
        visit::{Visit, VisitWith},
    },
};

use crate::error::SourceProblem;

/// Deeper than hand-written or generated code goes, and well within the transform thread's stack.
pub const NESTING_LIMIT: usize = 2_000;

/// Before parsing (the parser recurses too): the deepest bracket nesting of the text, skipping
/// strings and comments. Brackets inside regular expressions and template text are counted as
/// well, which can only make the estimate larger; closing brackets never take it below zero.
pub fn check_bracket_nesting(text: &str) -> Result<(), (usize, String)> {
    let bytes = text.as_bytes();
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
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                while index < bytes.len() && bytes[index] != b'\n' {
                    index += 1;
                }
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => {
                index += 2;
                while index + 1 < bytes.len() && !(bytes[index] == b'*' && bytes[index + 1] == b'/')
                {
                    index += 1;
                }
                index += 1;
            }
            _ => {}
        }
        index += 1;
    }
    Ok(())
}

/// After parsing: every kind of nesting (operators, arrows, statements), in the syntax tree.
pub fn check_nesting(module: &Module) -> Result<(), SourceProblem> {
    let mut depth = NestingDepth {
        depth: 0,
        too_deep_at: None,
    };
    module.visit_with(&mut depth);
    match depth.too_deep_at {
        Some(position) => Err(SourceProblem::new(
            position,
            format!("The code is nested more than {NESTING_LIMIT} levels deep"),
        )),
        None => Ok(()),
    }
}

struct NestingDepth {
    depth: usize,
    too_deep_at: Option<BytePos>,
}

impl NestingDepth {
    /// Visits `node` one level deeper, unless the limit is already exceeded.
    fn nest<N: VisitWith<Self> + Spanned>(&mut self, node: &N) {
        if self.too_deep_at.is_some() {
            return;
        }
        if self.depth == NESTING_LIMIT {
            self.too_deep_at = Some(node.span().lo);
            return;
        }
        self.depth += 1;
        node.visit_children_with(self);
        self.depth -= 1;
    }
}

impl Visit for NestingDepth {
    fn visit_expr(&mut self, node: &Expr) {
        self.nest(node);
    }

    fn visit_stmt(&mut self, node: &Stmt) {
        self.nest(node);
    }

    fn visit_pat(&mut self, node: &Pat) {
        self.nest(node);
    }

    fn visit_ts_type(&mut self, node: &TsType) {
        self.nest(node);
    }
}
