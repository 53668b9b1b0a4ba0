//! One walk over the freshly parsed module for the checks that read the whole tree: how deep it
//! nests (`nesting`), the names that could collide with invented ones (`prefix`), and for
//! `early_errors` the private names used outside their classes and the meta properties. Walking a large module takes time, so it is
//! walked once for all of them.

use swc_core::{
    common::Spanned,
    ecma::{
        ast::{
            Class, Expr, Ident, IdentName, MetaPropExpr, Module, Pat, PrivateName, Stmt, Str,
            TsType,
        },
        visit::{Visit, VisitWith},
    },
};

use crate::{early_errors::PrivateNames, nesting::NestingDepth, prefix::HotNames};

#[derive(Default)]
pub struct ModuleScan {
    pub nesting: NestingDepth,
    pub hot_names: HotNames,
    pub private_names: PrivateNames,
    /// Every `import.meta` and `new.target`.
    pub meta_properties: Vec<MetaPropExpr>,
}

pub fn scan(module: &Module) -> ModuleScan {
    let mut scan = ModuleScan::default();
    module.visit_with(&mut scan);
    scan
}

impl ModuleScan {
    /// Visits `node` one level deeper, unless that is too deep.
    fn nest<N: VisitWith<Self> + Spanned>(&mut self, node: &N) {
        if self.nesting.enter(node.span().lo) {
            node.visit_children_with(self);
            self.nesting.leave();
        }
    }
}

impl Visit for ModuleScan {
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

    fn visit_class(&mut self, class: &Class) {
        self.private_names.enter_class(class);
        class.visit_children_with(self);
        self.private_names.leave_class();
    }

    fn visit_private_name(&mut self, node: &PrivateName) {
        self.private_names.note(node);
        self.hot_names.note(&node.name);
    }

    fn visit_ident(&mut self, node: &Ident) {
        self.hot_names.note(&node.sym);
    }

    fn visit_ident_name(&mut self, node: &IdentName) {
        self.hot_names.note(&node.sym);
    }

    fn visit_meta_prop_expr(&mut self, node: &MetaPropExpr) {
        self.meta_properties.push(*node);
    }

    fn visit_str(&mut self, node: &Str) {
        self.hot_names.note(&node.value.to_string_lossy());
    }
}
