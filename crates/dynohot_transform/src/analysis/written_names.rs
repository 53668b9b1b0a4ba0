//! The names that code writes to after their declaration, collected by `module_scan` while it
//! walks the parsed module anyway. `exported_writes` rewrites only writes to exported bindings,
//! and most modules never write to one: when no exported binding's name is among these, its walk
//! over the whole body can be skipped.
//!
//! Names are collected before scope resolution, so a name stands for every binding so spelled:
//! the set can only be larger than the writes `exported_writes` would find, never smaller. It
//! covers each kind of write `exported_writes` rewrites: assignment and update targets, the
//! targets of destructuring assignments and of `for … in`/`for … of` heads, and `var` declarations
//! other than the module's own top-level ones (which run once, before any export is read).
//!
//! ```text
//! let x = 1, y;
//! x++;                         →    { x, y }
//! ({ y } = other);
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use swc_core::{
    atoms::Atom,
    ecma::ast::{
        ArrayPat, AssignTarget, AssignTargetPat, Expr, ForHead, Id, ObjectPat, ObjectPatProp, Pat,
        SimpleAssignTarget, VarDecl, VarDeclKind,
    },
};

#[derive(Default)]
pub struct WrittenNames {
    names: FxHashSet<Atom>,
}

impl WrittenNames {
    /// `x = …`, `(x) += …`, `[x, { y }] = …`.
    pub fn note_assign_target(&mut self, target: &AssignTarget) {
        match target {
            AssignTarget::Simple(SimpleAssignTarget::Ident(binding)) => {
                self.note(&binding.id.sym);
            }
            AssignTarget::Simple(SimpleAssignTarget::Paren(paren)) => self.note_expr(&paren.expr),
            AssignTarget::Simple(_) => {}
            AssignTarget::Pat(AssignTargetPat::Array(array)) => self.note_array(array),
            AssignTarget::Pat(AssignTargetPat::Object(object)) => self.note_object(object),
            AssignTarget::Pat(AssignTargetPat::Invalid(_)) => {}
        }
    }

    /// The argument of `x++` / `--(x)`.
    pub fn note_update_argument(&mut self, argument: &Expr) {
        self.note_expr(argument);
    }

    /// A pattern that is the target of an assignment, a `for … in`/`for … of` head or a `var`
    /// declaration: every name it stores into.
    pub fn note_pattern(&mut self, pat: &Pat) {
        match pat {
            Pat::Ident(binding) => {
                self.note(&binding.id.sym);
            }
            Pat::Expr(expr) => self.note_expr(expr),
            Pat::Array(array) => self.note_array(array),
            Pat::Object(object) => self.note_object(object),
            Pat::Rest(rest) => self.note_pattern(&rest.arg),
            Pat::Assign(assign) => self.note_pattern(&assign.left),
            Pat::Invalid(_) => {}
        }
    }

    /// The head of a `for … in` / `for … of` loop.
    pub fn note_for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::Pat(pat) => self.note_pattern(pat),
            ForHead::VarDecl(var) => self.note_var_decl(var),
            ForHead::UsingDecl(_) => {}
        }
    }

    /// A `var` declaration that is not a top-level statement of the module (it may run again).
    pub fn note_var_decl(&mut self, var: &VarDecl) {
        if var.kind == VarDeclKind::Var {
            for declarator in &var.decls {
                self.note_pattern(&declarator.name);
            }
        }
    }

    /// Whether code may write to one of `bindings` after its declaration.
    pub fn includes_any<V>(&self, bindings: &FxHashMap<Id, V>) -> bool {
        bindings.keys().any(|(sym, _)| self.names.contains(sym))
    }

    /// Most writes are to a few names (`result`, `index`): looked up first, cloned once.
    fn note(&mut self, name: &Atom) {
        if !self.names.contains(name) {
            self.names.insert(name.clone());
        }
    }

    fn note_array(&mut self, array: &ArrayPat) {
        for element in array.elems.iter().flatten() {
            self.note_pattern(element);
        }
    }

    fn note_object(&mut self, object: &ObjectPat) {
        for prop in &object.props {
            match prop {
                ObjectPatProp::KeyValue(key_value) => self.note_pattern(&key_value.value),
                ObjectPatProp::Assign(assign) => {
                    self.note(&assign.key.id.sym);
                }
                ObjectPatProp::Rest(rest) => self.note_pattern(&rest.arg),
            }
        }
    }

    fn note_expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Ident(ident) => {
                self.note(&ident.sym);
            }
            Expr::Paren(paren) => self.note_expr(&paren.expr),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use swc_core::{
        common::{sync::Lrc, FileName, SourceMap, SyntaxContext},
        ecma::ast::Id,
    };

    use super::FxHashMap;
    use crate::{analysis::module_scan, parse::parse_module};

    /// Which of `names` the scan of `source` counts as written.
    fn written(source: &str, names: &[&str]) -> Vec<String> {
        let cm: Lrc<SourceMap> = Lrc::default();
        let file = cm.new_source_file(
            Lrc::new(FileName::Custom("test.js".to_owned())),
            source.to_owned(),
        );
        let Ok(module) = parse_module(&file, "test.js", false, false) else {
            panic!("the test source does not parse: {source}");
        };
        let scan = module_scan::scan(&module);
        names
            .iter()
            .filter(|name| {
                let id: Id = ((**name).into(), SyntaxContext::empty());
                scan.written_names
                    .includes_any(&FxHashMap::from_iter([(id, ())]))
            })
            .map(|name| (*name).to_owned())
            .collect()
    }

    #[test]
    fn a_top_level_var_is_no_write_but_the_same_var_nested_is() {
        assert!(written(
            "export var a = 1, b = 2; export function f() {}",
            &["a", "b", "f"]
        )
        .is_empty());
        assert_eq!(written("export var a = 1; { var a = 2; }", &["a"]), ["a"]);
        assert_eq!(
            written("export var a = () => { var a = 2; };", &["a"]),
            ["a"]
        );
    }

    #[test]
    fn every_kind_of_write_is_seen() {
        let cases = [
            ("x = 1", "x"),
            ("(x) += 1", "x"),
            ("x ??= 1", "x"),
            ("x++", "x"),
            ("--(x)", "x"),
            ("[x] = [1]", "x"),
            ("({ a: [x = 1] } = {})", "x"),
            ("({ x } = {})", "x"),
            ("({ ...x } = {})", "x"),
            ("[...(x)] = []", "x"),
            ("for (x of []) ;", "x"),
            ("for ({ x } in {}) ;", "x"),
            ("for (var x of []) ;", "x"),
            ("for (var x = 0; ;) break;", "x"),
            ("function f() { x = 1 }", "x"),
        ];
        for (code, name) in cases {
            assert_eq!(
                written(&format!("export let y; {code}"), &[name, "y"]),
                [name],
                "{code}"
            );
        }
    }
}
