//! Rewrites the module body's references to module-level names it does not own: imported
//! bindings read through the import holder, `import.meta` and `import()` go to the generator's
//! parameters, and writes to imports throw like writes to a constant.
//!
//! ```text
//! import { a } from "./dep.js";
//! console.log(a, import.meta.url);  →    console.log(a = $hot$imports.a(), $hot$meta.url);
//! await import("./lazy.js");        →    await $hot$import("./lazy.js");
//! a = 1;                            →    $hot$constant.value = 1;
//! ```

use rustc_hash::FxHashSet;
use swc_core::{
    atoms::Atom,
    common::{util::take::Take, Span, SyntaxContext},
    ecma::{
        ast::*,
        visit::{VisitMut, VisitMutWith},
    },
};

use crate::{error::SourceProblem, output::preamble::Mirrors};

/// The names the rewrite refers to (all start with the module's prefix).
pub struct GeneratorNames {
    pub imports: Atom,
    pub constant: Atom,
    pub meta: Atom,
    pub import: Atom,
}

/// What the rewrite found.
#[derive(Default)]
pub struct ReferenceUses {
    pub import_meta: bool,
    pub dynamic_import: bool,
    /// Some code assigns to an import: the preamble must declare the throwing target.
    pub import_assignment: bool,
    /// The imported names read, each mirrored by a local of the generator (see `holder_read`).
    pub mirrors: Vec<Atom>,
}

pub fn rewrite_import_references(
    body: &mut [Stmt],
    imports: &FxHashSet<Id>,
    names: &GeneratorNames,
) -> Result<ReferenceUses, SourceProblem> {
    let mut rewriter = ImportReferences {
        imports,
        names,
        uses: ReferenceUses::default(),
        mirrors: Mirrors::default(),
        problem: None,
    };
    for stmt in body.iter_mut() {
        stmt.visit_mut_with(&mut rewriter);
    }
    match rewriter.problem {
        Some(problem) => Err(problem),
        None => Ok(ReferenceUses {
            mirrors: rewriter.mirrors.names,
            ..rewriter.uses
        }),
    }
}

struct ImportReferences<'a> {
    imports: &'a FxHashSet<Id>,
    names: &'a GeneratorNames,
    uses: ReferenceUses,
    mirrors: Mirrors,
    problem: Option<SourceProblem>,
}

impl ImportReferences<'_> {
    fn imported<'e>(&self, expr: &'e Expr) -> Option<&'e Ident> {
        match expr {
            Expr::Ident(ident) if self.imports.contains(&ident.to_id()) => Some(ident),
            Expr::Paren(paren) => self.imported(&paren.expr),
            _ => None,
        }
    }

    fn assigned_import(&self, target: &AssignTarget) -> Option<Ident> {
        match target {
            AssignTarget::Simple(SimpleAssignTarget::Ident(ident))
                if self.imports.contains(&ident.id.to_id()) =>
            {
                Some(ident.id.clone())
            }
            AssignTarget::Simple(SimpleAssignTarget::Paren(paren)) => {
                self.imported(&paren.expr).cloned()
            }
            _ => None,
        }
    }

    /// `(name = <holder>.name())`, mapped to the reference: the read through the holder, stored
    /// in the generator's local of the same name, whose name V8 then gives the value in its
    /// messages (`name is not a function`), as it does for the import itself.
    fn holder_read(&mut self, ident: &Ident) -> Expr {
        self.mirrors.note(&ident.sym);
        let read = Expr::Call(CallExpr {
            span: ident.span,
            ctxt: SyntaxContext::empty(),
            callee: Callee::Expr(Box::new(Expr::Member(MemberExpr {
                span: ident.span,
                obj: Box::new(Expr::Ident(Ident::new_no_ctxt(
                    self.names.imports.clone(),
                    ident.span,
                ))),
                prop: MemberProp::Ident(IdentName::new(ident.sym.clone(), ident.span)),
            }))),
            args: Vec::new(),
            type_args: None,
        });
        Expr::Paren(ParenExpr {
            span: ident.span,
            expr: Box::new(Expr::Assign(AssignExpr {
                span: ident.span,
                op: AssignOp::Assign,
                left: AssignTarget::Simple(SimpleAssignTarget::Ident(BindingIdent::from(
                    Ident::new_no_ctxt(ident.sym.clone(), ident.span),
                ))),
                right: Box::new(read),
            })),
        })
    }
}

impl ImportReferences<'_> {
    /// `import_name op= right`, storing into a target that throws.
    fn import_assignment(
        &mut self,
        ident: &Ident,
        op: AssignOp,
        right: Box<Expr>,
        span: Span,
    ) -> Expr {
        let left =
            AssignTarget::Simple(SimpleAssignTarget::Member(self.constant_target(ident.span)));
        let store = |right: Box<Expr>| {
            Expr::Assign(AssignExpr {
                span,
                op: AssignOp::Assign,
                left,
                right,
            })
        };
        let logical = match op {
            AssignOp::Assign => return store(right),
            AssignOp::AndAssign => BinaryOp::LogicalAnd,
            AssignOp::OrAssign => BinaryOp::LogicalOr,
            AssignOp::NullishAssign => BinaryOp::NullishCoalescing,
            compound => {
                // `a += x`: read the import, evaluate `x`, combine, then throw on the store.
                return store(Box::new(Expr::Bin(BinExpr {
                    span,
                    op: compound.to_update().unwrap_or(BinaryOp::Add),
                    left: Box::new(self.holder_read(ident)),
                    right,
                })));
            }
        };
        // Logical assignment stores (and so throws) only when it does not short-circuit.
        Expr::Bin(BinExpr {
            span,
            op: logical,
            left: Box::new(self.holder_read(ident)),
            right: Box::new(Expr::Paren(ParenExpr {
                span,
                expr: Box::new(store(right)),
            })),
        })
    }
}

impl ImportReferences<'_> {
    /// `<prefix>constant.value`: an assignment target whose setter throws what assigning to a
    /// constant throws, at the moment the value is stored (after the right-hand side is evaluated,
    /// as for a real constant). The preamble declares it when `uses.import_assignment` is set.
    fn constant_target(&mut self, span: Span) -> MemberExpr {
        self.uses.import_assignment = true;
        MemberExpr {
            span,
            obj: Box::new(Expr::Ident(Ident::new_no_ctxt(
                self.names.constant.clone(),
                span,
            ))),
            prop: MemberProp::Ident(IdentName::new("value".into(), span)),
        }
    }

    fn constant_pat(&mut self, span: Span) -> Pat {
        Pat::Expr(Box::new(Expr::Member(self.constant_target(span))))
    }
}

impl VisitMut for ImportReferences<'_> {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if let Expr::Assign(assign) = expr {
            if let Some(ident) = self.assigned_import(&assign.left) {
                assign.right.visit_mut_with(self);
                *expr = self.import_assignment(&ident, assign.op, assign.right.take(), assign.span);
                return;
            }
        }
        if let Expr::Update(update) = expr {
            if let Some(ident) = self.imported(&update.arg).cloned() {
                // Reads the import (a binding in its dead zone throws first) and converts it to a
                // number or BigInt once, as `++`/`--` do before storing (`- -x`: the inner minus
                // converts, the outer one only negates a primitive), then throws.
                let numeric = Expr::Unary(UnaryExpr {
                    span: update.span,
                    op: UnaryOp::Minus,
                    arg: Box::new(Expr::Unary(UnaryExpr {
                        span: update.span,
                        op: UnaryOp::Minus,
                        arg: Box::new(self.holder_read(&ident)),
                    })),
                });
                *expr = Expr::Assign(AssignExpr {
                    span: update.span,
                    op: AssignOp::Assign,
                    left: AssignTarget::Simple(SimpleAssignTarget::Member(
                        self.constant_target(ident.span),
                    )),
                    right: Box::new(numeric),
                });
                return;
            }
        }
        expr.visit_mut_children_with(self);
        match expr {
            Expr::Ident(ident) if self.imports.contains(&ident.to_id()) => {
                *expr = self.holder_read(ident);
            }
            Expr::MetaProp(MetaPropExpr {
                span,
                kind: MetaPropKind::ImportMeta,
            }) => {
                self.uses.import_meta = true;
                *expr = Expr::Ident(Ident::new_no_ctxt(self.names.meta.clone(), *span));
            }
            _ => {}
        }
    }

    fn visit_mut_pat(&mut self, pat: &mut Pat) {
        let target = match pat {
            Pat::Ident(binding) if self.imports.contains(&binding.id.to_id()) => {
                Some(binding.id.span)
            }
            Pat::Expr(expr) => self.imported(expr).map(|ident| ident.span),
            _ => None,
        };
        match target {
            Some(span) => *pat = self.constant_pat(span),
            None => pat.visit_mut_children_with(self),
        }
    }

    fn visit_mut_object_pat_prop(&mut self, prop: &mut ObjectPatProp) {
        prop.visit_mut_children_with(self);
        if let ObjectPatProp::Assign(assign) = prop {
            if self.imports.contains(&assign.key.id.to_id()) {
                let target = self.constant_pat(assign.key.id.span);
                let value = match assign.value.take() {
                    Some(default) => Pat::Assign(AssignPat {
                        span: assign.span,
                        left: Box::new(target),
                        right: default,
                    }),
                    None => target,
                };
                *prop = ObjectPatProp::KeyValue(KeyValuePatProp {
                    key: PropName::Ident(IdentName::new(
                        assign.key.id.sym.clone(),
                        assign.key.id.span,
                    )),
                    value: Box::new(value),
                });
            }
        }
    }

    fn visit_mut_prop(&mut self, prop: &mut Prop) {
        prop.visit_mut_children_with(self);
        if let Prop::Shorthand(ident) = prop {
            if self.imports.contains(&ident.to_id()) {
                *prop = Prop::KeyValue(KeyValueProp {
                    key: PropName::Ident(IdentName::new(ident.sym.clone(), ident.span)),
                    value: Box::new(self.holder_read(ident)),
                });
            }
        }
    }

    fn visit_mut_callee(&mut self, callee: &mut Callee) {
        callee.visit_mut_children_with(self);
        if let Callee::Import(import) = callee {
            if import.phase != ImportPhase::Evaluation && self.problem.is_none() {
                self.problem = Some(SourceProblem::new(
                    import.span.lo,
                    "Import phases (`import.source()`, `import.defer()`) are not supported",
                ));
            }
            self.uses.dynamic_import = true;
            *callee = Callee::Expr(Box::new(Expr::Ident(Ident::new_no_ctxt(
                self.names.import.clone(),
                import.span,
            ))));
        }
    }
}
