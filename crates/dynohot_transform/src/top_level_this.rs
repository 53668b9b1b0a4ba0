//! Top-level `this` is `undefined` in a module; in the generator it would be the generator's
//! receiver, so it is replaced wherever it refers to the module's `this`.

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

pub fn replace_top_level_this(body: &mut [Stmt]) {
    for stmt in body.iter_mut() {
        stmt.visit_mut_with(&mut TopLevelThis);
    }
}

struct TopLevelThis;

impl VisitMut for TopLevelThis {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if let Expr::This(this) = expr {
            // `void 0` rather than `undefined`, which a local binding could shadow.
            *expr = Expr::Unary(UnaryExpr {
                span: this.span,
                op: UnaryOp::Void,
                arg: Box::new(Expr::Lit(Lit::Num(Number {
                    span: this.span,
                    value: 0.0,
                    raw: None,
                }))),
            });
        } else {
            expr.visit_mut_children_with(self);
        }
    }

    // Functions, methods, accessors and class bodies have their own `this`; arrows do not.
    fn visit_mut_function(&mut self, _: &mut Function) {}

    fn visit_mut_constructor(&mut self, _: &mut Constructor) {}

    fn visit_mut_getter_prop(&mut self, getter: &mut GetterProp) {
        getter.key.visit_mut_with(self);
    }

    fn visit_mut_setter_prop(&mut self, setter: &mut SetterProp) {
        setter.key.visit_mut_with(self);
    }

    /// Only the heritage and computed keys of a class are evaluated with the outer `this`.
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
