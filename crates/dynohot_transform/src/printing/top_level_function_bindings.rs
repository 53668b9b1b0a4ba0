//! `this` and `arguments`: every non-arrow function binds them, a module does not. The runtime
//! calls the generator without a receiver, so its `this` is already the module's (`undefined`);
//! its arguments object is not, so wherever `arguments` refers to the module's own it is replaced
//! by an ordinary unresolved reference (the global of that name, or a `ReferenceError`).
//!
//! ```text
//! const type = typeof arguments;    →    const type = (0, eval)("typeof arguments");
//! function own() {
//!   return arguments.length;        →    unchanged: the function's own arguments
//! }
//! ```

use swc_core::common::Span;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

pub fn replace_top_level_function_bindings(body: &mut [Stmt]) {
    for stmt in body.iter_mut() {
        stmt.visit_mut_with(&mut TopLevelFunctionBindings);
    }
}

struct TopLevelFunctionBindings;

fn is_arguments(expr: &Expr) -> bool {
    matches!(expr, Expr::Ident(ident) if &*ident.sym == "arguments")
}

/// `(0, eval)("<code>")`: an indirect eval runs `code` in the global scope, where `arguments`
/// resolves as an unresolved module reference would. In module code `eval` cannot be bound, so
/// the name always means the global function.
fn global_eval(code: &str, span: Span) -> Expr {
    Expr::Call(CallExpr {
        span,
        callee: Callee::Expr(Box::new(Expr::Paren(ParenExpr {
            span,
            expr: Box::new(Expr::Seq(SeqExpr {
                span,
                exprs: vec![
                    Box::new(Expr::Lit(Lit::Num(Number {
                        span,
                        value: 0.0,
                        raw: None,
                    }))),
                    Box::new(Expr::Ident(Ident::new_no_ctxt("eval".into(), span))),
                ],
            })),
        }))),
        args: vec![Expr::Lit(Lit::Str(Str {
            span,
            value: code.into(),
            raw: None,
        }))
        .into()],
        ..Default::default()
    })
}

impl VisitMut for TopLevelFunctionBindings {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        match expr {
            // `typeof` of an unresolved name is "undefined", not a `ReferenceError`.
            Expr::Unary(UnaryExpr {
                op: UnaryOp::TypeOf,
                arg,
                span,
            }) if is_arguments(arg) => *expr = global_eval("typeof arguments", *span),
            Expr::Ident(ident) if &*ident.sym == "arguments" => {
                *expr = global_eval("arguments", ident.span);
            }
            _ => expr.visit_mut_children_with(self),
        }
    }

    fn visit_mut_prop(&mut self, prop: &mut Prop) {
        match prop {
            Prop::Shorthand(ident) if &*ident.sym == "arguments" => {
                *prop = Prop::KeyValue(KeyValueProp {
                    key: PropName::Ident(IdentName::new(ident.sym.clone(), ident.span)),
                    value: Box::new(global_eval("arguments", ident.span)),
                });
            }
            _ => prop.visit_mut_children_with(self),
        }
    }

    // Functions, methods, accessors and class bodies have their own `this` and `arguments`;
    // arrows do not.
    fn visit_mut_function(&mut self, _: &mut Function) {}

    fn visit_mut_constructor(&mut self, _: &mut Constructor) {}

    fn visit_mut_getter_prop(&mut self, getter: &mut GetterProp) {
        getter.key.visit_mut_with(self);
    }

    fn visit_mut_setter_prop(&mut self, setter: &mut SetterProp) {
        setter.key.visit_mut_with(self);
    }

    /// Only the heritage and computed keys of a class are evaluated with the outer bindings.
    fn visit_mut_class(&mut self, class: &mut Class) {
        class.super_class.visit_mut_with(self);
        for member in &mut class.body {
            match member {
                ClassMember::Method(method) => method.key.visit_mut_with(self),
                ClassMember::ClassProp(prop) => prop.key.visit_mut_with(self),
                ClassMember::AutoAccessor(accessor) => accessor.key.visit_mut_with(self),
                _ => {}
            }
        }
    }
}
