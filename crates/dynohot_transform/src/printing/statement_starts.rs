//! Parentheses that keep a printed expression statement an expression. swc's fixer wraps an
//! object literal, function or class that starts an expression statement only when it is the
//! whole expression or the object of a member access; under an operator, a comma or a
//! conditional it stays bare: `({} + 1, 2)` printed `{} + 1, 2;` is a block and another
//! statement, and `({} < 1 ? a : b)` does not parse. The same goes for an object literal at the
//! start of an arrow's expression body. Such an expression is wrapped whole.

use swc_core::{
    common::DUMMY_SP,
    ecma::{
        ast::*,
        visit::{VisitMut, VisitMutWith},
    },
};

/// Wraps each expression statement and arrow body of `body` whose first token would be read as
/// something else than the start of an expression.
pub fn parenthesize_statement_starts(body: &mut [Stmt]) {
    for stmt in body {
        stmt.visit_mut_with(&mut StatementStarts);
    }
}

struct StatementStarts;

impl VisitMut for StatementStarts {
    fn visit_mut_expr_stmt(&mut self, stmt: &mut ExprStmt) {
        stmt.visit_mut_children_with(self);
        if matches!(
            first_operand(&stmt.expr),
            Expr::Object(_) | Expr::Fn(_) | Expr::Class(_)
        ) {
            wrap(&mut stmt.expr);
        }
    }

    fn visit_mut_arrow_function_body(&mut self, body: &mut ArrowFunctionBody) {
        body.visit_mut_children_with(self);
        if let ArrowFunctionBody::Expr(expr) = body {
            if matches!(first_operand(expr), Expr::Object(_)) {
                wrap(expr);
            }
        }
    }
}

/// The expression whose first token is the first token of `expr`: the leftmost operand, callee,
/// object or tag, down to a parenthesis or a primary expression.
fn first_operand(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Bin(binary) => &binary.left,
            Expr::Seq(sequence) => match sequence.exprs.first() {
                Some(first) => first,
                None => return expr,
            },
            Expr::Cond(conditional) => &conditional.test,
            Expr::Assign(assign) => match &assign.left {
                AssignTarget::Simple(SimpleAssignTarget::Member(member)) => &member.obj,
                _ => return expr,
            },
            Expr::Member(member) => &member.obj,
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                ..
            }) => callee,
            Expr::TaggedTpl(tagged) => &tagged.tag,
            Expr::Update(update) if !update.prefix => &update.arg,
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(member) => &member.obj,
                OptChainBase::Call(call) => &call.callee,
            },
            _ => return expr,
        };
    }
}

fn wrap(expr: &mut Box<Expr>) {
    let inner = std::mem::replace(&mut **expr, Expr::Invalid(Invalid { span: DUMMY_SP }));
    **expr = Expr::Paren(ParenExpr {
        span: DUMMY_SP,
        expr: Box::new(inner),
    });
}
