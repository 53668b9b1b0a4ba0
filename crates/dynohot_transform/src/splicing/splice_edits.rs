//! The JavaScript fast path: instead of printing a rewritten tree, the generator body is the
//! module's own text with a few edits (contract §2 describes the same output either way). This
//! walk finds the edits, and the positions of the tokens the source map maps; `splice` applies
//! them. Forms that are rare and need more than an edit in place (writes to imports or to
//! exports, a top-level `arguments`) make the walk give up, and the module is printed instead.
//!
//! ```text
//! import { a } from "./dep.js";     →    [0, 29) → ";"  (the declaration)
//! console.log(a);                   →    [42, 43) → "(a = $hot$imports.a())"
//! ```

use rustc_hash::FxHashSet;
use swc_core::{
    atoms::Atom,
    common::{BytePos, Spanned},
    ecma::{
        ast::*,
        visit::{Visit, VisitWith},
    },
};

use crate::{analysis::module_items::is_anonymous_function_definition, output::preamble::Mirrors};

/// One edit of the source text: `[start, end)` is replaced by `text` (an empty range inserts).
pub struct Edit {
    pub start: BytePos,
    pub end: BytePos,
    /// The replacement, a range of `SpliceEdits::texts`.
    pub text: std::ops::Range<usize>,
    /// The replaced text's line breaks are written after `text` (a removed declaration keeps every
    /// later statement on its line).
    pub keeps_line_breaks: bool,
    /// Where in `text` the replaced identifier appears again (`(name = $hot$imports.name())`):
    /// the map sends the read, and the calls V8 places after it, to it.
    pub name_at: Option<usize>,
}

/// The edits of one module, in source order, and what the body uses.
pub struct SpliceEdits {
    pub edits: Vec<Edit>,
    pub texts: String,
    /// Source positions of the tokens to map, unsorted, possibly repeated.
    pub positions: Vec<BytePos>,
    pub uses_import_meta: bool,
    pub uses_dynamic_import: bool,
    /// The imported names read, in order of first read: each is mirrored by a local of the
    /// generator (see `holder_read`).
    pub mirrors: Vec<Atom>,
}

/// The edits that make `module` (JavaScript) the generator body, or `None` when the module needs
/// the printer. `imports` are the ids of its imported bindings: after the resolver, or, when no
/// binding reuses an imported name, unresolved ids that every reference so spelled shares.
/// `source` is the module's text, starting at `start`.
pub fn splice_edits(
    module: &Module,
    imports: &FxHashSet<Id>,
    prefix: &str,
    source: &str,
    start: BytePos,
) -> Option<SpliceEdits> {
    let mut collector = EditCollector {
        imports,
        prefix,
        source,
        start,
        edits: Vec::new(),
        texts: String::new(),
        positions: Vec::with_capacity(source.len() / 6),
        function_depth: 0,
        mirrors: Mirrors::default(),
        gives_up: false,
        uses_import_meta: false,
        uses_dynamic_import: false,
    };
    for item in &module.body {
        collector.module_item(item);
        if collector.gives_up {
            return None;
        }
    }
    // The walk is pre-order, so edits arrive nearly sorted; a stable sort keeps the order of
    // insertions at one position.
    collector.edits.sort_by_key(|edit| edit.start);
    Some(SpliceEdits {
        edits: collector.edits,
        texts: collector.texts,
        positions: collector.positions,
        uses_import_meta: collector.uses_import_meta,
        uses_dynamic_import: collector.uses_dynamic_import,
        mirrors: collector.mirrors.names,
    })
}

struct EditCollector<'a> {
    imports: &'a FxHashSet<Id>,
    prefix: &'a str,
    source: &'a str,
    start: BytePos,
    edits: Vec<Edit>,
    texts: String,
    positions: Vec<BytePos>,
    /// How many functions (not arrows) enclose the walk: at 0, `arguments` is the module's.
    function_depth: u32,
    mirrors: Mirrors,
    gives_up: bool,
    uses_import_meta: bool,
    uses_dynamic_import: bool,
}

impl EditCollector<'_> {
    fn edit(&mut self, start: BytePos, end: BytePos, parts: &[&str], keeps_line_breaks: bool) {
        let from = self.texts.len();
        for part in parts {
            self.texts.push_str(part);
        }
        self.edits.push(Edit {
            start,
            end,
            text: from..self.texts.len(),
            keeps_line_breaks,
            name_at: None,
        });
    }

    fn is_import(&self, ident: &Ident) -> bool {
        !self.imports.is_empty() && self.imports.contains(&ident.to_id())
    }

    /// Whether `expr` (a write target) is an import, parenthesised or not.
    fn writes_import(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Ident(ident) => self.is_import(ident),
            Expr::Paren(paren) => self.writes_import(&paren.expr),
            _ => false,
        }
    }

    /// `(name = <prefix>imports.name())`: the read of an import through the holder (contract §2).
    fn holder_read(&mut self, ident: &Ident, key: Option<&str>) {
        let holder = [self.prefix, "imports."];
        let name: &str = &ident.sym;
        let parts: &[&str] = match key {
            Some(key) => &[key, ": (", name, " = ", holder[0], holder[1], name, "())"],
            None => &["(", name, " = ", holder[0], holder[1], name, "())"],
        };
        let name_at = key.map_or(1, |key| key.len() + 3);
        self.edit(ident.span.lo, ident.span.hi, parts, false);
        if let Some(edit) = self.edits.last_mut() {
            edit.name_at = Some(name_at);
        }
        self.mirrors.note(&ident.sym);
    }

    fn module_item(&mut self, item: &ModuleItem) {
        let decl = match item {
            ModuleItem::Stmt(stmt) => return stmt.visit_with(self),
            ModuleItem::ModuleDecl(decl) => decl,
        };
        match decl {
            // Linkage only: the text goes, and `;` ends whatever statement came before it
            // (which may have relied on the declaration's first token to end).
            ModuleDecl::Import(_) | ModuleDecl::ExportAll(_) | ModuleDecl::ExportNamed(_) => {
                let span = decl.span();
                self.edit(span.lo, span.hi, &[";"], true);
            }
            ModuleDecl::ExportDecl(export) => {
                self.map_token(export.decl.span_lo());
                self.edit(export.span.lo, export.decl.span_lo(), &[], true);
                export.decl.visit_with(self);
            }
            ModuleDecl::ExportDefaultDecl(export) => self.default_declaration(export),
            ModuleDecl::ExportDefaultExpr(export) => {
                let expr_span = export.expr.span();
                let anonymous = is_anonymous_function_definition(&export.expr);
                let opening = if anonymous { " = { default: " } else { " = " };
                let prefix = self.prefix;
                self.edit(
                    export.span.lo,
                    expr_span.lo,
                    &["const ", prefix, "default", opening],
                    true,
                );
                export.expr.visit_with(self);
                let closing = if anonymous { " }.default" } else { "" };
                // The declaration's span includes its `;` when it has one.
                let semicolon = if export.span.hi > expr_span.hi {
                    ""
                } else {
                    ";"
                };
                self.edit(expr_span.hi, expr_span.hi, &[closing, semicolon], false);
            }
            _ => self.gives_up = true,
        }
    }

    fn default_declaration(&mut self, export: &ExportDefaultDecl) {
        let prefix = self.prefix;
        match &export.decl {
            DefaultDecl::Fn(FnExpr { ident, function }) => {
                self.edit(export.span.lo, function.span.lo, &[], true);
                if ident.is_none() {
                    // `function* $hot$default()`: hoisted like the declaration it was.
                    match self.after_function_keyword(function) {
                        Some(at) => self.edit(at, at, &[" ", prefix, "default"], false),
                        None => self.gives_up = true,
                    }
                }
                export.decl.visit_with(self);
            }
            DefaultDecl::Class(ClassExpr {
                ident: Some(_),
                class,
            }) => {
                self.edit(export.span.lo, class.span.lo, &[], true);
                export.decl.visit_with(self);
            }
            DefaultDecl::Class(ClassExpr { ident: None, class }) => {
                self.edit(
                    export.span.lo,
                    class.span.lo,
                    &["const ", prefix, "default = { default: "],
                    true,
                );
                export.decl.visit_with(self);
                self.edit(class.span.hi, class.span.hi, &[" }.default;"], false);
            }
            DefaultDecl::TsInterfaceDecl(_) => self.gives_up = true,
        }
    }

    /// Where the name of an anonymous function declaration goes: after `async`, `function` and
    /// `*`, skipping comments.
    fn after_function_keyword(&self, function: &Function) -> Option<BytePos> {
        let from = function.span.lo.0.checked_sub(self.start.0)? as usize;
        let mut rest = self.source.get(from..)?;
        if function.is_async {
            rest = skip_trivia(rest.strip_prefix("async")?);
        }
        rest = rest.strip_prefix("function")?;
        if function.is_generator {
            rest = skip_trivia(rest).strip_prefix('*')?;
        }
        let offset = u32::try_from(self.source.len() - rest.len()).ok()?;
        Some(self.start + BytePos(offset))
    }

    /// Maps the token at `position`. A node and its first child start at the same token: only
    /// the first of such a run is kept, which halves what `splice` sorts.
    fn map_token(&mut self, position: BytePos) {
        if self.positions.last() != Some(&position) {
            self.positions.push(position);
        }
    }

    /// Maps the `(` that opens the arguments of a call whose callee ends at `callee_end`.
    fn map_arguments_parenthesis(&mut self, callee_end: BytePos) {
        let Some(from) = callee_end.0.checked_sub(self.start.0) else {
            return;
        };
        let Some(rest) = self.source.get(from as usize..) else {
            return;
        };
        let mut rest = skip_trivia(rest);
        if let Some(after) = rest.strip_prefix("?.") {
            rest = skip_trivia(after);
        }
        if rest.starts_with('(') {
            let offset = u32::try_from(self.source.len() - rest.len()).unwrap_or(u32::MAX);
            self.map_token(self.start + BytePos(offset));
        }
    }

    fn enter_function<N: VisitWith<Self>>(&mut self, node: &N) {
        self.function_depth += 1;
        node.visit_children_with(self);
        self.function_depth -= 1;
    }

    fn is_module_arguments(&self, ident: &Ident) -> bool {
        self.function_depth == 0 && &*ident.sym == "arguments"
    }
}

/// `text` after leading white space and comments.
fn skip_trivia(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(comment) = trimmed.strip_prefix("/*") {
            text = match comment.find("*/") {
                Some(end) => &comment[end + 2..],
                None => return "",
            };
        } else if let Some(comment) = trimmed.strip_prefix("//") {
            text = match comment.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
                Some(end) => &comment[end..],
                None => return "",
            };
        } else {
            return trimmed;
        }
    }
}

impl Visit for EditCollector<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        self.map_token(expr.span_lo());
        match expr {
            Expr::Ident(ident) if self.is_import(ident) => self.holder_read(ident, None),
            Expr::Ident(ident) if self.is_module_arguments(ident) => self.gives_up = true,
            Expr::MetaProp(MetaPropExpr {
                span,
                kind: MetaPropKind::ImportMeta,
            }) => {
                self.uses_import_meta = true;
                let prefix = self.prefix;
                self.edit(span.lo, span.hi, &[prefix, "meta"], false);
            }
            Expr::Update(update) if self.writes_import(&update.arg) => self.gives_up = true,
            Expr::Call(call) => {
                // V8 places a call at its callee's name (`f()`, `o.f()`, both mapped already)
                // or, when the callee has none (`(() => {})()`), at the parenthesis of its
                // arguments.
                if let Callee::Expr(callee) = &call.callee {
                    if !matches!(&**callee, Expr::Ident(_) | Expr::Member(_)) {
                        self.map_arguments_parenthesis(callee.span_hi());
                    }
                }
                call.visit_children_with(self);
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_assign_target(&mut self, target: &AssignTarget) {
        let written = match target {
            AssignTarget::Simple(SimpleAssignTarget::Ident(binding)) => self.is_import(&binding.id),
            AssignTarget::Simple(SimpleAssignTarget::Paren(paren)) => {
                self.writes_import(&paren.expr)
            }
            _ => false,
        };
        if written {
            self.gives_up = true;
        } else {
            target.visit_children_with(self);
        }
    }

    fn visit_pat(&mut self, pat: &Pat) {
        self.map_token(pat.span_lo());
        match pat {
            // A binding never names an import (the resolver gives a shadowing declaration its own
            // context; unresolved, no binding is so spelled), so an import in a pattern is a
            // destructuring write to it.
            Pat::Ident(binding) if self.is_import(&binding.id) => self.gives_up = true,
            Pat::Expr(expr) if self.writes_import(expr) => self.gives_up = true,
            _ => pat.visit_children_with(self),
        }
    }

    fn visit_object_pat_prop(&mut self, prop: &ObjectPatProp) {
        match prop {
            ObjectPatProp::Assign(assign) if self.is_import(&assign.key.id) => self.gives_up = true,
            _ => prop.visit_children_with(self),
        }
    }

    fn visit_prop(&mut self, prop: &Prop) {
        match prop {
            Prop::Shorthand(ident) if self.is_import(ident) => {
                self.map_token(ident.span.lo);
                let key = ident.sym.clone();
                self.holder_read(ident, Some(&key));
            }
            Prop::Shorthand(ident) if self.is_module_arguments(ident) => self.gives_up = true,
            _ => prop.visit_children_with(self),
        }
    }

    fn visit_callee(&mut self, callee: &Callee) {
        match callee {
            Callee::Import(import) => {
                // Import phases are an error the printing path reports.
                if import.phase != ImportPhase::Evaluation {
                    self.gives_up = true;
                }
                self.uses_dynamic_import = true;
                self.map_token(import.span.lo);
                let prefix = self.prefix;
                self.edit(import.span.lo, import.span.hi, &[prefix, "import"], false);
            }
            _ => callee.visit_children_with(self),
        }
    }

    fn visit_function(&mut self, function: &Function) {
        self.enter_function(function);
    }

    fn visit_constructor(&mut self, constructor: &Constructor) {
        self.enter_function(constructor);
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        self.map_token(stmt.span_lo());
        stmt.visit_children_with(self);
    }

    fn visit_ident(&mut self, ident: &Ident) {
        self.map_token(ident.span.lo);
    }

    fn visit_ident_name(&mut self, ident: &IdentName) {
        self.map_token(ident.span.lo);
    }

    fn visit_private_name(&mut self, name: &PrivateName) {
        self.map_token(name.span.lo);
    }

    fn visit_str(&mut self, text: &Str) {
        self.map_token(text.span.lo);
    }

    fn visit_number(&mut self, number: &Number) {
        self.map_token(number.span.lo);
    }

    fn visit_tpl_element(&mut self, element: &TplElement) {
        self.map_token(element.span.lo);
    }
}
