//! One walk over the freshly parsed module for the checks that read the whole tree: how deep it
//! nests (`nesting`), the names that could collide with invented ones (`prefix`), for
//! `early_errors` the private names used outside their classes and the meta properties, and the
//! names code writes to (`written_names`). Walking a large module takes time, so it is walked once
//! for all of them.

use swc_core::{
    common::Spanned,
    ecma::{
        ast::{
            AssignExpr, Class, Decl, Expr, ForInStmt, ForOfStmt, Ident, IdentName, MetaPropExpr,
            Module, ModuleDecl, ModuleItem, Pat, PrivateName, Stmt, Str, TsType, UpdateExpr,
            VarDecl,
        },
        visit::{Visit, VisitWith},
    },
};

use crate::{
    early_errors::PrivateNames, nesting::NestingDepth, prefix::HotNames,
    written_names::WrittenNames,
};

#[derive(Default)]
pub struct ModuleScan {
    pub nesting: NestingDepth,
    pub hot_names: HotNames,
    pub private_names: PrivateNames,
    /// Every `import.meta` and `new.target`.
    pub meta_properties: Vec<MetaPropExpr>,
    pub written_names: WrittenNames,
    /// The top-level `var` declaration being walked: the one `var` that does not count as a write.
    top_level_var: Option<*const VarDecl>,
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

    fn visit_module_item(&mut self, item: &ModuleItem) {
        self.top_level_var = match item {
            ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) => Some(&**var),
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => match &export.decl {
                Decl::Var(var) => Some(&**var),
                _ => None,
            },
            _ => None,
        };
        item.visit_children_with(self);
    }

    fn visit_var_decl(&mut self, node: &VarDecl) {
        if self.top_level_var != Some(node) {
            self.written_names.note_var_decl(node);
        }
        node.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, node: &AssignExpr) {
        self.written_names.note_assign_target(&node.left);
        node.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, node: &UpdateExpr) {
        self.written_names.note_update_argument(&node.arg);
        node.visit_children_with(self);
    }

    fn visit_for_in_stmt(&mut self, node: &ForInStmt) {
        self.written_names.note_for_head(&node.left);
        node.visit_children_with(self);
    }

    fn visit_for_of_stmt(&mut self, node: &ForOfStmt) {
        self.written_names.note_for_head(&node.left);
        node.visit_children_with(self);
    }

    fn visit_str(&mut self, node: &Str) {
        self.hot_names.note(&node.value.to_string_lossy());
    }
}
