//! `this` as a binding name. TypeScript's parser accepts it wherever a name is bound, because a
//! function may declare a `this` parameter for its type; once types are stripped, those
//! parameters are gone, and any `this` still bound is a syntax error the output would carry.
//!
//! ```text
//! function f(this: Window) {}  →    fine: the parameter is a type, stripped
//! const this = 1;             →    error at 1:7: `this` cannot be used as a binding name
//! ```

use swc_core::{
    common::{BytePos, Spanned},
    ecma::{
        ast::*,
        visit::{Visit, VisitWith},
    },
};

use crate::error::SourceProblem;

/// The first `this` bound in the stripped `module`, as an error.
pub fn reject_this_bindings(module: &Module) -> Result<(), SourceProblem> {
    let mut finder = ThisBindings { first: None };
    module.visit_with(&mut finder);
    match finder.first {
        Some(position) => Err(SourceProblem::new(
            position,
            "`this` cannot be used as a binding name",
        )),
        None => Ok(()),
    }
}

struct ThisBindings {
    first: Option<BytePos>,
}

impl ThisBindings {
    fn check(&mut self, name: &Ident) {
        if &*name.sym == "this" {
            let position = name.span_lo();
            if self.first.is_none_or(|first| position < first) {
                self.first = Some(position);
            }
        }
    }
}

impl Visit for ThisBindings {
    fn visit_binding_ident(&mut self, binding: &BindingIdent) {
        self.check(&binding.id);
    }

    fn visit_fn_decl(&mut self, function: &FnDecl) {
        self.check(&function.ident);
        function.visit_children_with(self);
    }

    fn visit_fn_expr(&mut self, function: &FnExpr) {
        if let Some(name) = &function.ident {
            self.check(name);
        }
        function.visit_children_with(self);
    }

    fn visit_class_decl(&mut self, class: &ClassDecl) {
        self.check(&class.ident);
        class.visit_children_with(self);
    }

    fn visit_class_expr(&mut self, class: &ClassExpr) {
        if let Some(name) = &class.ident {
            self.check(name);
        }
        class.visit_children_with(self);
    }
}
