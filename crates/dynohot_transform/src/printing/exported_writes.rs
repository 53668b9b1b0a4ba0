//! Writes to exported bindings. Importers inside the hot graph read exports through accessors,
//! which are live by construction; importers outside it (the facades) hold copies that the runtime
//! must update. Every write to a top-level binding that the module exports, after its declaration,
//! tells the runtime which export names changed, right after the binding was stored (contract §2):
//!
//! - `x = v`, `x += v`, `x ??= v`, `x++`: `<prefix>written("x", x = v)`, a call that returns its
//!   second argument, so that the expression keeps its value, its order of evaluation and the
//!   naming of anonymous functions (`x = function () {}` is still named `x`);
//! - a destructuring target or a `for (x of …)` / `for (x in …)` head: the target becomes
//!   `<prefix>exported.x`, a setter that stores and then notifies, so that a write in the middle of
//!   a destructuring is seen before the next one runs (and even if a later one throws);
//! - `for (var x of …)` and a `var x = v` that can run more than once: the notification follows.
//!
//! A module that never writes to an export after its declaration is left as it is.

use rustc_hash::FxHashMap;
use swc_core::{
    atoms::Atom,
    common::{util::take::Take, Span, Spanned, SyntaxContext},
    ecma::{
        ast::*,
        visit::{VisitMut, VisitMutWith},
    },
};

use crate::analysis::module_items::is_anonymous_function_definition;

/// The names the rewrite refers to (all start with the module's prefix).
pub struct WriteNames {
    /// The function `$hot$link` returns: notifies a write of one export name.
    pub written: Atom,
    /// The object whose setters store into exported bindings and notify.
    pub exported: Atom,
    /// A `var` that takes the result of a notification inside a `var` declaration.
    pub notified: Atom,
    /// The parameter of the setters.
    pub value: Atom,
}

/// What the rewrite needs from the preamble.
#[derive(Default)]
pub struct ExportedWrites {
    /// Some write notifies: the preamble keeps the function `$hot$link` returns.
    pub notifies: bool,
    /// Bindings written through a setter of `<prefix>exported`, with their export names.
    pub setters: Vec<(Atom, Vec<String>)>,
}

impl ExportedWrites {
    /// `const <prefix>exported = { set x(<value>) { x = <value>; <written>("x"); } };` when a
    /// setter is needed. It is part of the preamble: a hoisted function may run before the body.
    pub fn setter_object(&self, names: &WriteNames) -> Option<String> {
        if self.setters.is_empty() {
            return None;
        }
        let setters: Vec<String> = self
            .setters
            .iter()
            .map(|(local, export_names)| {
                let notifications: String = export_names
                    .iter()
                    .map(|name| {
                        let name = serde_json::to_string(name).unwrap_or_default();
                        format!(" {}({name});", names.written)
                    })
                    .collect();
                format!(
                    "set {local}({value}) {{ {local} = {value};{notifications} }}",
                    value = names.value
                )
            })
            .collect();
        Some(format!(
            "const {} = {{ {} }};",
            names.exported,
            setters.join(", ")
        ))
    }
}

/// Rewrites the writes to `exported` (local binding → its export names) in `body`.
pub fn notify_exported_writes(
    body: &mut [Stmt],
    exported: &FxHashMap<Id, Vec<String>>,
    names: &WriteNames,
) -> ExportedWrites {
    let mut exported = exported.clone();
    // Writing to a constant throws before anything could be notified.
    for stmt in body.iter() {
        if let Stmt::Decl(decl) = stmt {
            let constant = match decl {
                Decl::Var(var) if var.kind == VarDeclKind::Const => Some(&var.decls),
                Decl::Using(using) => Some(&using.decls),
                _ => None,
            };
            for declarator in constant.into_iter().flatten() {
                let mut ids = Vec::new();
                pattern_ids(&declarator.name, &mut ids);
                for id in ids {
                    exported.remove(&id);
                }
            }
        }
    }
    let mut rewriter = Rewriter {
        exported: &exported,
        names,
        result: ExportedWrites::default(),
    };
    if exported.is_empty() {
        return rewriter.result;
    }
    for stmt in body.iter_mut() {
        match stmt {
            // A top-level `var` declaration runs once, while the module evaluates, before the
            // runtime reads every export of the evaluated instance: only its initializers can write.
            Stmt::Decl(Decl::Var(var)) => {
                for declarator in &mut var.decls {
                    declarator.visit_mut_with(&mut rewriter);
                }
            }
            _ => stmt.visit_mut_with(&mut rewriter),
        }
    }
    rewriter.result
}

struct Rewriter<'a> {
    exported: &'a FxHashMap<Id, Vec<String>>,
    names: &'a WriteNames,
    result: ExportedWrites,
}

impl Rewriter<'_> {
    /// The export names of the exported bindings among `ids`, each once, in order.
    fn export_names(&self, ids: &[Id]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for id in ids {
            for name in self.exported.get(id).into_iter().flatten() {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    /// `written("a", written("b", value))`: notifies every name after `value` is evaluated.
    /// `names` is never empty.
    fn notification(&mut self, names: &[String], value: Option<Box<Expr>>, span: Span) -> Expr {
        self.result.notifies = true;
        let mut result = value;
        for name in names.iter().rev() {
            let mut args = vec![ExprOrSpread::from(Box::new(Expr::Lit(Lit::Str(Str {
                span,
                value: name.as_str().into(),
                raw: None,
            }))))];
            args.extend(result.map(ExprOrSpread::from));
            result = Some(Box::new(Expr::Call(CallExpr {
                span,
                ctxt: SyntaxContext::empty(),
                callee: Callee::Expr(Box::new(Expr::Ident(Ident::new_no_ctxt(
                    self.names.written.clone(),
                    span,
                )))),
                args,
                type_args: None,
            })));
        }
        result.map_or_else(Expr::dummy, |expr| *expr)
    }

    /// `<prefix>exported.x` for the exported binding `ident`, if it is one.
    fn setter_target(&mut self, ident: &Ident) -> Option<Box<Expr>> {
        let export_names = self.exported.get(&ident.to_id())?;
        self.result.notifies = true;
        if !self
            .result
            .setters
            .iter()
            .any(|(local, _)| *local == ident.sym)
        {
            self.result
                .setters
                .push((ident.sym.clone(), export_names.clone()));
        }
        Some(Box::new(Expr::Member(MemberExpr {
            span: ident.span,
            obj: Box::new(Expr::Ident(Ident::new_no_ctxt(
                self.names.exported.clone(),
                ident.span,
            ))),
            prop: MemberProp::Ident(IdentName::new(ident.sym.clone(), ident.span)),
        })))
    }

    /// Points the exported bindings a destructuring pattern stores into at their setters, and
    /// rewrites the writes in its default values and computed keys.
    fn retarget(&mut self, pat: &mut Pat) {
        match pat {
            Pat::Ident(binding) => {
                if let Some(target) = self.setter_target(&binding.id) {
                    *pat = Pat::Expr(target);
                }
            }
            Pat::Expr(expr) => match identifier(expr).and_then(|ident| self.setter_target(ident)) {
                Some(target) => *expr = target,
                None => expr.visit_mut_with(self),
            },
            Pat::Array(array) => {
                for element in array.elems.iter_mut().flatten() {
                    self.retarget(element);
                }
            }
            Pat::Object(object) => self.retarget_object(object),
            Pat::Rest(rest) => self.retarget(&mut rest.arg),
            Pat::Assign(assign) => {
                assign.right.visit_mut_with(self);
                // Only a plain identifier (not a parenthesised one) names an anonymous function.
                if let Pat::Ident(binding) = &*assign.left {
                    if self.exported.contains_key(&binding.id.to_id()) {
                        keep_function_name(&mut assign.right, &binding.id.sym);
                    }
                }
                self.retarget(&mut assign.left);
            }
            Pat::Invalid(_) => {}
        }
    }

    fn retarget_object(&mut self, object: &mut ObjectPat) {
        for prop in &mut object.props {
            match prop {
                ObjectPatProp::KeyValue(key_value) => {
                    key_value.key.visit_mut_with(self);
                    self.retarget(&mut key_value.value);
                }
                ObjectPatProp::Assign(assign) => {
                    assign.value.visit_mut_with(self);
                    let Some(target) = self.setter_target(&assign.key.id) else {
                        continue;
                    };
                    // `{ x = v }` → `{ x: <prefix>exported.x = v }`
                    let key = &assign.key.id;
                    let value = match assign.value.take() {
                        Some(mut default) => {
                            keep_function_name(&mut default, &key.sym);
                            Pat::Assign(AssignPat {
                                span: assign.span,
                                left: Box::new(Pat::Expr(target)),
                                right: default,
                            })
                        }
                        None => Pat::Expr(target),
                    };
                    *prop = ObjectPatProp::KeyValue(KeyValuePatProp {
                        key: PropName::Ident(IdentName::new(key.sym.clone(), key.span)),
                        value: Box::new(value),
                    });
                }
                ObjectPatProp::Rest(rest) => self.retarget(&mut rest.arg),
            }
        }
    }

    /// `{ <notification>; <body> }`: for `for (var x of …)`, which writes before each iteration.
    /// The notification has the position of the head (`at`), so that it is printed on its line.
    fn notify_before(&mut self, names: &[String], body: &mut Box<Stmt>, at: Span) {
        let notification = Stmt::Expr(ExprStmt {
            span: at,
            expr: Box::new(self.notification(names, None, at)),
        });
        match &mut **body {
            Stmt::Block(block) => block.stmts.insert(0, notification),
            Stmt::Empty(_) => **body = notification,
            other => {
                let span = other.span();
                let original = other.take();
                **body = Stmt::Block(BlockStmt {
                    span,
                    ctxt: SyntaxContext::empty(),
                    stmts: vec![notification, original],
                });
            }
        }
    }

    /// The head of a `for … in` / `for … of`: a target is retargeted; a `var` declaration of
    /// exported bindings answers their names, to notify at the start of each iteration.
    fn for_head(&mut self, head: &mut ForHead) -> Vec<String> {
        match head {
            ForHead::Pat(pat) => {
                self.retarget(pat);
                Vec::new()
            }
            ForHead::VarDecl(var) if var.kind == VarDeclKind::Var => {
                let mut ids = Vec::new();
                for declarator in &var.decls {
                    pattern_ids(&declarator.name, &mut ids);
                }
                self.export_names(&ids)
            }
            ForHead::VarDecl(_) | ForHead::UsingDecl(_) => Vec::new(),
        }
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if let Expr::Assign(AssignExpr {
            left: AssignTarget::Pat(target),
            right,
            ..
        }) = expr
        {
            right.visit_mut_with(self);
            let taken = std::mem::replace(target, AssignTargetPat::Invalid(Invalid::dummy()));
            let mut pat: Pat = match taken {
                AssignTargetPat::Array(array) => Pat::Array(array),
                AssignTargetPat::Object(object) => Pat::Object(object),
                AssignTargetPat::Invalid(invalid) => Pat::Invalid(invalid),
            };
            self.retarget(&mut pat);
            *target = match pat {
                Pat::Array(array) => AssignTargetPat::Array(array),
                Pat::Object(object) => AssignTargetPat::Object(object),
                other => AssignTargetPat::Invalid(Invalid { span: other.span() }),
            };
            return;
        }
        expr.visit_mut_children_with(self);
        let (ident, span) = match expr {
            Expr::Assign(AssignExpr {
                left: AssignTarget::Simple(SimpleAssignTarget::Ident(binding)),
                span,
                ..
            }) => (&binding.id, *span),
            Expr::Assign(AssignExpr {
                left: AssignTarget::Simple(SimpleAssignTarget::Paren(paren)),
                span,
                ..
            }) => match identifier(&paren.expr) {
                Some(ident) => (ident, *span),
                None => return,
            },
            Expr::Update(update) => match identifier(&update.arg) {
                Some(ident) => (ident, update.span),
                None => return,
            },
            _ => return,
        };
        let names = self.export_names(&[ident.to_id()]);
        if !names.is_empty() {
            let value = Box::new(expr.take());
            *expr = self.notification(&names, Some(value), span);
        }
    }

    /// `var x = 1` inside a block or loop at the top level writes to the module's `x` each time it
    /// runs: `var x = 1, <notified> = written("x")` notifies right after that declarator.
    fn visit_mut_var_decl(&mut self, var: &mut VarDecl) {
        var.visit_mut_children_with(self);
        if var.kind != VarDeclKind::Var {
            return;
        }
        let mut decls = Vec::with_capacity(var.decls.len());
        for declarator in var.decls.drain(..) {
            let mut ids = Vec::new();
            if declarator.init.is_some() {
                pattern_ids(&declarator.name, &mut ids);
            }
            let names = self.export_names(&ids);
            let span = declarator.span;
            decls.push(declarator);
            if !names.is_empty() {
                let init = self.notification(&names, None, span);
                decls.push(VarDeclarator {
                    span,
                    name: Pat::Ident(BindingIdent::from(Ident::new_no_ctxt(
                        self.names.notified.clone(),
                        span,
                    ))),
                    init: Some(Box::new(init)),
                    definite: false,
                });
            }
        }
        var.decls = decls;
    }

    fn visit_mut_for_of_stmt(&mut self, stmt: &mut ForOfStmt) {
        self.for_in_or_of(&mut stmt.left, &mut stmt.right, &mut stmt.body);
    }

    fn visit_mut_for_in_stmt(&mut self, stmt: &mut ForInStmt) {
        self.for_in_or_of(&mut stmt.left, &mut stmt.right, &mut stmt.body);
    }
}

impl Rewriter<'_> {
    /// `for (head of/in right) body`: a head that writes exported bindings notifies first thing
    /// in the body, on the head's line.
    fn for_in_or_of(&mut self, left: &mut ForHead, right: &mut Expr, body: &mut Box<Stmt>) {
        right.visit_mut_with(self);
        body.visit_mut_with(self);
        let at = left.span();
        let names = self.for_head(left);
        if !names.is_empty() {
            self.notify_before(&names, body, at);
        }
    }
}

/// A default value that is an anonymous function is named after the binding it initializes when
/// the target is an identifier; `{ x: <fn> }.x` keeps that name for a member target.
fn keep_function_name(value: &mut Box<Expr>, local: &Atom) {
    if !is_anonymous_function_definition(value) {
        return;
    }
    let span = value.span();
    let function = value.take();
    **value = Expr::Member(MemberExpr {
        span,
        obj: Box::new(Expr::Object(ObjectLit {
            span,
            props: vec![PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
                key: PropName::Ident(IdentName::new(local.clone(), span)),
                value: function,
            })))],
        })),
        prop: MemberProp::Ident(IdentName::new(local.clone(), span)),
    });
}

/// An identifier, seen through parentheses (`(x)++`, `(x) = 1`).
fn identifier(expr: &Expr) -> Option<&Ident> {
    match expr {
        Expr::Ident(ident) => Some(ident),
        Expr::Paren(paren) => identifier(&paren.expr),
        _ => None,
    }
}

/// The identifiers a binding pattern declares.
fn pattern_ids(pat: &Pat, ids: &mut Vec<Id>) {
    match pat {
        Pat::Ident(binding) => ids.push(binding.id.to_id()),
        Pat::Array(array) => {
            for element in array.elems.iter().flatten() {
                pattern_ids(element, ids);
            }
        }
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(key_value) => pattern_ids(&key_value.value, ids),
                    ObjectPatProp::Assign(assign) => ids.push(assign.key.id.to_id()),
                    ObjectPatProp::Rest(rest) => pattern_ids(&rest.arg, ids),
                }
            }
        }
        Pat::Rest(rest) => pattern_ids(&rest.arg, ids),
        Pat::Assign(assign) => pattern_ids(&assign.left, ids),
        Pat::Expr(_) | Pat::Invalid(_) => {}
    }
}
