//! Whether a module body awaits at the top level (then its generator is `async function*`).
//!
//! ```text
//! await ready;                             →    true
//! async function f() { await ready; }      →    false
//! ```

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// Whether any of `nodes` (the body's statements, or a module's items) awaits at the top level.
pub fn uses_top_level_await<N: VisitWith<TopLevelAwait>>(nodes: &[N]) -> bool {
    let mut finder = TopLevelAwait { found: false };
    for node in nodes {
        node.visit_with(&mut finder);
        if finder.found {
            return true;
        }
    }
    false
}

pub struct TopLevelAwait {
    found: bool,
}

impl Visit for TopLevelAwait {
    fn visit_await_expr(&mut self, _: &AwaitExpr) {
        self.found = true;
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        self.found |= stmt.is_await;
        stmt.visit_children_with(self);
    }

    fn visit_using_decl(&mut self, decl: &UsingDecl) {
        self.found |= decl.is_await;
        decl.visit_children_with(self);
    }

    // Every kind of function starts its own await context.
    fn visit_function(&mut self, _: &Function) {}

    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}

    fn visit_constructor(&mut self, _: &Constructor) {}

    fn visit_getter_prop(&mut self, getter: &GetterProp) {
        getter.key.visit_with(self);
    }

    fn visit_setter_prop(&mut self, setter: &SetterProp) {
        setter.key.visit_with(self);
    }

    /// The heritage and computed keys of a class run in the enclosing context.
    fn visit_class(&mut self, class: &Class) {
        class.super_class.visit_with(self);
        for member in &class.body {
            match member {
                ClassMember::Method(method) => method.key.visit_with(self),
                ClassMember::ClassProp(prop) => prop.key.visit_with(self),
                ClassMember::AutoAccessor(accessor) => accessor.key.visit_with(self),
                _ => {}
            }
        }
    }
}
