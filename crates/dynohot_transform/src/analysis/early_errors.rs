//! Early errors of module code that swc's parser does not report. Once the body sits inside a
//! generator, some of them stop being errors (a function body allows `var f; function f() {}`)
//! and the rest would only surface when the runtime parses the output, so the transform reports
//! them all, before anything runs.
//!
//! ```text
//! var f;
//! function f() {}              →    error at 2:10: Identifier 'f' has already been declared
//! ```

use rustc_hash::{FxHashMap, FxHashSet};

use swc_core::{
    atoms::Atom,
    common::{BytePos, SourceFile, Spanned},
    ecma::{
        ast::*,
        utils::find_pat_ids,
        visit::{Visit, VisitWith},
    },
};

use crate::error::SourceProblem;

/// Runs every check on the freshly parsed `module` (`private_names` went over it, and
/// `meta_properties` were collected, in `module_scan`); the first problem in source order wins.
pub fn check_module(
    module: &Module,
    file: &SourceFile,
    private_names: PrivateNames,
    meta_properties: &[MetaPropExpr],
) -> Result<(), SourceProblem> {
    let mut problems = Vec::new();
    problems.extend(missing_semicolon(module, file));
    problems.extend(escaped_meta_property(meta_properties, file));
    problems.extend(top_level_redeclaration(module));
    problems.extend(private_names.problem);
    match problems.into_iter().min_by_key(|problem| problem.position) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// `import …`, `export { … }` and `export … from` end with a semicolon that automatic semicolon
/// insertion supplies only before a line break, the end of the file or a `;`. swc accepts
/// `export {} null;` and `import "a" x`.
fn missing_semicolon(module: &Module, file: &SourceFile) -> Option<SourceProblem> {
    let text = file.src.as_bytes();
    module.body.iter().find_map(|item| {
        let ModuleItem::ModuleDecl(
            decl @ (ModuleDecl::Import(_) | ModuleDecl::ExportNamed(_) | ModuleDecl::ExportAll(_)),
        ) = item
        else {
            return None;
        };
        let end = (decl.span().hi.0.checked_sub(file.start_pos.0)? as usize).min(text.len());
        if text[..end].ends_with(b";") {
            return None;
        }
        next_token_on_same_line(text, end).map(|offset| {
            SourceProblem::new(
                file.start_pos + BytePos(u32::try_from(offset).unwrap_or(u32::MAX)),
                "Expected ';' after the declaration",
            )
        })
    })
}

/// `import.meta` and `new.target` are keywords and may not be spelled with escape sequences
/// (`im\u0070ort.meta`); swc accepts them.
fn escaped_meta_property(
    meta_properties: &[MetaPropExpr],
    file: &SourceFile,
) -> Option<SourceProblem> {
    let text = file.src.as_str();
    meta_properties.iter().find_map(|meta| {
        let (keyword, property) = match meta.kind {
            MetaPropKind::ImportMeta => ("import", "meta"),
            MetaPropKind::NewTarget => ("new", "target"),
        };
        let start = meta.span.lo.0.checked_sub(file.start_pos.0)? as usize;
        let end = meta.span.hi.0.checked_sub(file.start_pos.0)? as usize;
        let spelled = text.get(start..end)?;
        (!(spelled.starts_with(keyword) && spelled.ends_with(property))).then(|| {
            SourceProblem::new(meta.span.lo, "Keyword must not contain escaped characters")
        })
    })
}

/// The offset of the next token after `start` when no line break comes before it (skipping
/// spaces and comments), unless that token is `;`.
fn next_token_on_same_line(text: &[u8], start: usize) -> Option<usize> {
    let mut index = start;
    while index < text.len() {
        match text[index] {
            b'\n' | b'\r' => return None,
            b' ' | b'\t' | 0x0b | 0x0c => index += 1,
            b'/' if text.get(index + 1) == Some(&b'/') => return None,
            b'/' if text.get(index + 1) == Some(&b'*') => {
                let close = text[index + 2..]
                    .windows(2)
                    .position(|pair| pair == b"*/")
                    .map_or(text.len(), |at| index + 2 + at + 2);
                if contains_line_terminator(&text[index..close]) {
                    return None;
                }
                index = close;
            }
            b';' => return None,
            _ => {
                // Other whitespace and line terminators are multi-byte: decode one character.
                let rest = std::str::from_utf8(&text[index..]).ok()?;
                let c = rest.chars().next()?;
                if matches!(c, '\u{2028}' | '\u{2029}') {
                    return None;
                }
                if c.is_whitespace() || c == '\u{feff}' {
                    index += c.len_utf8();
                } else {
                    return Some(index);
                }
            }
        }
    }
    None
}

fn contains_line_terminator(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b == b'\n' || b == b'\r')
        || String::from_utf8_lossy(bytes).contains(['\u{2028}', '\u{2029}'])
}

/// At the top level of a module every function declaration is lexical, like `let`, `const`,
/// `class` and the import bindings: none may share a name with another, nor with a `var`
/// (including a `var` in a nested block, which is hoisted to the top level). Import bindings may
/// not be named `eval` or `arguments`.
fn top_level_redeclaration(module: &Module) -> Option<SourceProblem> {
    let mut lexical: Vec<Ident> = Vec::new();
    let mut imported: Vec<&Ident> = Vec::new();
    // TypeScript enums and namespaces merge with each other, but not with an import.
    let mut merging: Vec<&Ident> = Vec::new();
    let mut vars = VarNames::default();
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(ModuleDecl::Import(import)) if !import.type_only => {
                for specifier in &import.specifiers {
                    let local = match specifier {
                        ImportSpecifier::Named(named) if named.is_type_only => continue,
                        ImportSpecifier::Named(named) => &named.local,
                        ImportSpecifier::Default(default) => &default.local,
                        ImportSpecifier::Namespace(namespace) => &namespace.local,
                    };
                    if matches!(&*local.sym, "eval" | "arguments") {
                        return Some(SourceProblem::new(
                            local.span.lo,
                            "'eval' and 'arguments' cannot be used as a binding identifier in strict mode",
                        ));
                    }
                    lexical.push(local.clone());
                    imported.push(local);
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl { decl, .. }))
            | ModuleItem::Stmt(Stmt::Decl(decl)) => {
                lexical.extend(lexical_idents(decl));
                merging.extend(merging_ident(decl));
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(ExportDefaultDecl {
                decl:
                    DefaultDecl::Fn(FnExpr {
                        ident: Some(ident),
                        function,
                    }),
                ..
            })) if function.body.is_some() => lexical.push(ident.clone()),
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(ExportDefaultDecl {
                decl:
                    DefaultDecl::Class(ClassExpr {
                        ident: Some(ident), ..
                    }),
                ..
            })) => lexical.push(ident.clone()),
            _ => {}
        }
        item.visit_with(&mut vars);
    }
    let mut first_lexical: FxHashMap<&Atom, &Ident> =
        FxHashMap::with_capacity_and_hasher(lexical.len(), Default::default());
    let mut problems = Vec::new();
    for ident in &lexical {
        if first_lexical.insert(&ident.sym, ident).is_some() {
            problems.push(already_declared(ident));
        }
    }
    for var in &vars.names {
        if let Some(lexical) = first_lexical.get(&var.sym) {
            let later = if lexical.span.lo > var.span.lo {
                *lexical
            } else {
                var
            };
            problems.push(already_declared(later));
        }
    }
    for ident in merging {
        if imported.iter().any(|import| import.sym == ident.sym) {
            problems.push(already_declared(ident));
        }
    }
    problems.into_iter().min_by_key(|problem| problem.position)
}

/// The name of a TypeScript enum or namespace that has a runtime value.
fn merging_ident(decl: &Decl) -> Option<&Ident> {
    match decl {
        Decl::TsEnum(ts_enum) if !ts_enum.declare => Some(&ts_enum.id),
        Decl::TsModule(module) if !module.declare => match &module.id {
            TsModuleName::Ident(ident) => Some(ident),
            TsModuleName::Str(_) => None,
        },
        _ => None,
    }
}

fn already_declared(ident: &Ident) -> SourceProblem {
    SourceProblem::new(
        ident.span.lo,
        format!("Identifier '{}' has already been declared", ident.sym),
    )
}

/// The lexically scoped names a top-level declaration binds. TypeScript-only forms (overload
/// signatures, `declare`, enums and namespaces, which merge) are left to the TypeScript pass.
fn lexical_idents(decl: &Decl) -> Vec<Ident> {
    match decl {
        Decl::Class(class) if !class.declare => vec![class.ident.clone()],
        Decl::Fn(function) if !function.declare && function.function.body.is_some() => {
            vec![function.ident.clone()]
        }
        Decl::Var(var) if !var.declare && var.kind != VarDeclKind::Var => find_pat_ids(&var.decls),
        Decl::Using(using) => find_pat_ids(&using.decls),
        _ => Vec::new(),
    }
}

/// The `var` names hoisted to the top level: statements are searched at any depth, but not
/// functions or classes (their `var`s are their own) nor expressions (which can only hold `var`s
/// inside functions and classes).
#[derive(Default)]
struct VarNames {
    names: Vec<Ident>,
}

impl Visit for VarNames {
    fn visit_var_decl(&mut self, var: &VarDecl) {
        if var.kind == VarDeclKind::Var && !var.declare {
            self.names.extend(find_pat_ids::<_, Ident>(&var.decls));
        }
    }

    fn visit_expr(&mut self, _: &Expr) {}

    fn visit_function(&mut self, _: &Function) {}

    fn visit_class(&mut self, _: &Class) {}

    fn visit_ts_module_decl(&mut self, _: &TsModuleDecl) {}
}

/// Every `#name` must be declared by an enclosing class body. `module_scan` reports each class
/// body and each private name as it walks the module.
#[derive(Default)]
pub struct PrivateNames {
    /// The private names of each enclosing class body, innermost last.
    declared: Vec<FxHashSet<Atom>>,
    problem: Option<SourceProblem>,
}

impl PrivateNames {
    pub fn enter_class(&mut self, class: &Class) {
        let names = class
            .body
            .iter()
            .filter_map(|member| match member {
                ClassMember::PrivateMethod(method) => Some(method.key.name.clone()),
                ClassMember::PrivateProp(prop) => Some(prop.key.name.clone()),
                ClassMember::AutoAccessor(AutoAccessor {
                    key: Key::Private(key),
                    ..
                }) => Some(key.name.clone()),
                _ => None,
            })
            .collect();
        self.declared.push(names);
    }

    pub fn leave_class(&mut self) {
        self.declared.pop();
    }

    pub fn note(&mut self, name: &PrivateName) {
        if self.problem.is_none() && !self.declared.iter().any(|names| names.contains(&name.name)) {
            self.problem = Some(SourceProblem::new(
                name.span.lo,
                format!(
                    "Private field '#{}' must be declared in an enclosing class",
                    name.name
                ),
            ));
        }
    }
}
