//! The names declared at module scope, for a module spliced without the resolver (no binding in
//! it reuses an imported name, see `module_scan`): `export { x }` is valid only for one of these.
//! They are the imports, the top-level declarations, and the `var`s of nested statements, which
//! hoist to the module unless a function encloses them.
//!
//! ```text
//! import a from "./a.js";
//! let b;
//! if (c) { var d; let e; }     →    a, b, d, f
//! function f() { var g; }
//! ```

use rustc_hash::FxHashSet;
use swc_core::{
    atoms::Atom,
    ecma::{ast::*, utils::find_pat_ids},
};

pub fn module_scope_names(module: &Module) -> FxHashSet<Atom> {
    let mut names = ScopeNames::default();
    for item in &module.body {
        match item {
            ModuleItem::Stmt(stmt) => names.statement(stmt, true),
            ModuleItem::ModuleDecl(ModuleDecl::Import(import)) => {
                for specifier in &import.specifiers {
                    names.add(match specifier {
                        ImportSpecifier::Named(named) => &named.local,
                        ImportSpecifier::Default(default) => &default.local,
                        ImportSpecifier::Namespace(namespace) => &namespace.local,
                    });
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => {
                names.declaration(&export.decl)
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(export)) => match &export.decl {
                DefaultDecl::Fn(FnExpr {
                    ident: Some(ident), ..
                })
                | DefaultDecl::Class(ClassExpr {
                    ident: Some(ident), ..
                }) => names.add(ident),
                _ => {}
            },
            ModuleItem::ModuleDecl(_) => {}
        }
    }
    names.0
}

#[derive(Default)]
struct ScopeNames(FxHashSet<Atom>);

impl ScopeNames {
    fn add(&mut self, ident: &Ident) {
        self.0.insert(ident.sym.clone());
    }

    fn declaration(&mut self, decl: &Decl) {
        match decl {
            Decl::Class(class) => self.add(&class.ident),
            Decl::Fn(function) => self.add(&function.ident),
            Decl::Var(var) => self.pattern_names(&var.decls),
            Decl::Using(using) => self.pattern_names(&using.decls),
            _ => {}
        }
    }

    fn pattern_names(&mut self, declarators: &[VarDeclarator]) {
        for declarator in declarators {
            let idents: Vec<Ident> = find_pat_ids(&declarator.name);
            for ident in &idents {
                self.add(ident);
            }
        }
    }

    fn var_declaration(&mut self, var: &VarDecl) {
        if var.kind == VarDeclKind::Var {
            self.pattern_names(&var.decls);
        }
    }

    /// A statement of the module (`top_level`) or nested in one, outside any function: module
    /// code is strict, so only `var` leaves a block.
    fn statement(&mut self, stmt: &Stmt, top_level: bool) {
        match stmt {
            Stmt::Decl(Decl::Var(var)) if !top_level => self.var_declaration(var),
            Stmt::Decl(decl) if top_level => self.declaration(decl),
            Stmt::Block(block) => self.statements(&block.stmts),
            Stmt::If(if_stmt) => {
                self.statement(&if_stmt.cons, false);
                if let Some(alt) = &if_stmt.alt {
                    self.statement(alt, false);
                }
            }
            Stmt::For(for_stmt) => {
                if let Some(VarDeclOrExpr::VarDecl(var)) = &for_stmt.init {
                    self.var_declaration(var);
                }
                self.statement(&for_stmt.body, false);
            }
            Stmt::ForIn(ForInStmt { left, body, .. })
            | Stmt::ForOf(ForOfStmt { left, body, .. }) => {
                if let ForHead::VarDecl(var) = left {
                    self.var_declaration(var);
                }
                self.statement(body, false);
            }
            Stmt::While(WhileStmt { body, .. })
            | Stmt::DoWhile(DoWhileStmt { body, .. })
            | Stmt::Labeled(LabeledStmt { body, .. }) => self.statement(body, false),
            Stmt::Try(try_stmt) => {
                self.statements(&try_stmt.block.stmts);
                if let Some(handler) = &try_stmt.handler {
                    self.statements(&handler.body.stmts);
                }
                if let Some(finalizer) = &try_stmt.finalizer {
                    self.statements(&finalizer.stmts);
                }
            }
            Stmt::Switch(switch) => {
                for case in &switch.cases {
                    self.statements(&case.cons);
                }
            }
            _ => {}
        }
    }

    fn statements(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.statement(stmt, false);
        }
    }
}
