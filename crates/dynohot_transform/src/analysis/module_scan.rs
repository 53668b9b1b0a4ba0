//! One walk over the freshly parsed module for the checks that read the whole tree: how deep it
//! nests (`nesting`), the names that could collide with invented ones (`prefix`), for
//! `early_errors` the private names used outside their classes and the meta properties, the
//! names code writes to (`written_names`), and whether any binding reuses the name of an import
//! (when none does, splicing needs no scopes). Walking a large module takes time, so it is walked
//! once for all of them.
//!
//! ```text
//! import { a } from "./a.js";       hot names: none, written: { x },
//! function f(a) { x = a; }     →    binds an imported name: yes (the parameter `a`)
//! ```

use rustc_hash::FxHashSet;
use swc_core::{
    atoms::Atom,
    common::Spanned,
    ecma::{
        ast::{
            AssignExpr, BindingIdent, Class, ClassDecl, ClassExpr, Decl, Decorator, Expr, FnDecl,
            FnExpr, ForInStmt, ForOfStmt, Ident, IdentName, ImportSpecifier, LabeledStmt,
            MetaPropExpr, Module, ModuleDecl, ModuleItem, Pat, PrivateName, Stmt, Str, TsType,
            UpdateExpr, VarDecl,
        },
        visit::{Visit, VisitWith},
    },
};

use crate::analysis::{
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
    /// Some declaration, parameter, pattern, function or class name, or label is spelled like an
    /// import's local name: only the resolver's scopes tell its references apart.
    pub binds_imported_name: bool,
    /// Some class or member is decorated (`lowering` compiles decorators).
    pub uses_decorators: bool,
    /// The top-level `var` declaration being walked: the one `var` that does not count as a write.
    top_level_var: Option<*const VarDecl>,
    /// The local names of the module's imports.
    imported_names: FxHashSet<Atom>,
}

pub fn scan(module: &Module) -> ModuleScan {
    let mut scan = ModuleScan {
        imported_names: imported_names(module),
        ..ModuleScan::default()
    };
    module.visit_with(&mut scan);
    scan
}

fn imported_names(module: &Module) -> FxHashSet<Atom> {
    let mut names = FxHashSet::default();
    for item in &module.body {
        if let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item {
            for specifier in &import.specifiers {
                let local = match specifier {
                    ImportSpecifier::Named(named) => &named.local,
                    ImportSpecifier::Default(default) => &default.local,
                    ImportSpecifier::Namespace(namespace) => &namespace.local,
                };
                names.insert(local.sym.clone());
            }
        }
    }
    names
}

impl ModuleScan {
    fn note_binding(&mut self, name: &Ident) {
        if !self.imported_names.is_empty() && self.imported_names.contains(&name.sym) {
            self.binds_imported_name = true;
        }
    }

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

    fn visit_decorator(&mut self, node: &Decorator) {
        self.uses_decorators = true;
        node.visit_children_with(self);
    }

    fn visit_private_name(&mut self, node: &PrivateName) {
        self.private_names.note(node);
        self.hot_names.note(&node.name);
    }

    // Bindings: an import specifier's local is an `Ident` inside an `ImportDecl`, never one of
    // these, and an assignment target or a label counts too (a write to an import, or a label
    // spelled like one, leaves the module to the resolver as well).
    fn visit_binding_ident(&mut self, node: &BindingIdent) {
        self.note_binding(&node.id);
        node.visit_children_with(self);
    }

    fn visit_fn_decl(&mut self, node: &FnDecl) {
        self.note_binding(&node.ident);
        node.visit_children_with(self);
    }

    fn visit_fn_expr(&mut self, node: &FnExpr) {
        if let Some(ident) = &node.ident {
            self.note_binding(ident);
        }
        node.visit_children_with(self);
    }

    fn visit_class_decl(&mut self, node: &ClassDecl) {
        self.note_binding(&node.ident);
        node.visit_children_with(self);
    }

    fn visit_class_expr(&mut self, node: &ClassExpr) {
        if let Some(ident) = &node.ident {
            self.note_binding(ident);
        }
        node.visit_children_with(self);
    }

    fn visit_labeled_stmt(&mut self, node: &LabeledStmt) {
        self.note_binding(&node.label);
        node.visit_children_with(self);
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
