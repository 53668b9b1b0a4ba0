//! Splits a module into its body statements and its linkage: import/export declarations become
//! requests, bindings and accessors (contract §2–§3); everything else stays in order.
//!
//! ```text
//! import { a } from "./dep.js";     requests: "./dep.js" { import a as a }
//! export const b = a;          →    accessors: b: () => b
//!                                   body: const b = a;
//! ```

use std::{cell::OnceCell, collections::BTreeMap};

use rustc_hash::{FxHashMap, FxHashSet};

use swc_core::{
    atoms::Atom,
    common::{BytePos, Mark, Spanned, SyntaxContext, DUMMY_SP},
    ecma::{ast::*, utils::find_pat_ids},
};

use crate::{
    analysis::module_scope::module_scope_names,
    error::SourceProblem,
    output::metadata::{Binding, ModuleRequest},
};

/// One local export: its name and the binding of the module body its accessor reads.
#[derive(Debug, Clone)]
pub struct Accessor {
    pub name: String,
    pub local: Atom,
}

/// An imported local binding.
#[derive(Debug, Clone)]
struct ImportedLocal {
    request: usize,
    /// The imported name; `None` for `import * as`.
    name: Option<String>,
}

/// What a module imports and exports, read from its import and export declarations.
pub struct ModuleLinkage {
    pub requests: Vec<ModuleRequest>,
    pub accessors: Vec<Accessor>,
    /// The export names of each exported local binding (see `exported_writes`).
    pub exported_locals: FxHashMap<Id, Vec<String>>,
    /// The imported local bindings: every reference to one reads through the import holder.
    pub imports: FxHashSet<Id>,
    /// `export default function () {}` is named `<prefix>default`: its `.name` must be fixed.
    pub default_function_renamed: bool,
}

/// How `export { x }` learns whether the module declares `x`.
pub enum ModuleScope<'a> {
    /// After the resolver, which gives a reference to no declaration this mark.
    Resolved { unresolved_mark: Mark },
    /// Without the resolver: the names declared at module scope (`module_scope`), collected the
    /// first time an export list asks (most modules have none).
    Unresolved {
        module: &'a Module,
        names: OnceCell<FxHashSet<Atom>>,
    },
}

impl<'a> ModuleScope<'a> {
    pub fn unresolved(module: &'a Module) -> Self {
        ModuleScope::Unresolved {
            module,
            names: OnceCell::new(),
        }
    }

    fn declares(&self, local: &Ident) -> bool {
        match self {
            ModuleScope::Resolved { unresolved_mark } => {
                local.ctxt != SyntaxContext::empty().apply_mark(*unresolved_mark)
            }
            ModuleScope::Unresolved { module, names } => names
                .get_or_init(|| module_scope_names(module))
                .contains(&local.sym),
        }
    }
}

/// Reads the linkage of `module`. `default_local` is the name given to an anonymous default
/// export.
pub fn link_module(
    module: &Module,
    default_local: &Atom,
    scope: &ModuleScope,
) -> Result<ModuleLinkage, SourceProblem> {
    let mut linkage = Linkage::default();
    for item in &module.body {
        if let ModuleItem::ModuleDecl(decl) = item {
            linkage.add_request_declaration(decl)?;
        }
    }
    let mut default_function_renamed = false;
    for item in &module.body {
        let ModuleItem::ModuleDecl(decl) = item else {
            continue;
        };
        match decl {
            ModuleDecl::Import(_) | ModuleDecl::ExportAll(_) => {}
            ModuleDecl::ExportNamed(named) if named.src.is_some() => {}
            ModuleDecl::ExportNamed(named) => linkage.add_local_export_list(named, scope)?,
            ModuleDecl::ExportDecl(export) => {
                for ident in declared_idents(&export.decl) {
                    linkage.add_export(ident.sym.as_str().to_owned(), export.span.lo)?;
                    linkage.add_accessor(ident.sym.as_str().to_owned(), &ident);
                }
            }
            ModuleDecl::ExportDefaultDecl(export) => {
                linkage.add_export("default".to_owned(), export.span.lo)?;
                let local = match &export.decl {
                    DefaultDecl::Fn(FnExpr {
                        ident: Some(ident), ..
                    })
                    | DefaultDecl::Class(ClassExpr {
                        ident: Some(ident), ..
                    }) => ident.clone(),
                    DefaultDecl::Fn(_) | DefaultDecl::Class(_) => {
                        default_function_renamed |= matches!(export.decl, DefaultDecl::Fn(_));
                        Ident::new_no_ctxt(default_local.clone(), DUMMY_SP)
                    }
                    DefaultDecl::TsInterfaceDecl(decl) => {
                        return Err(unsupported(decl.span.lo, "an interface here"))
                    }
                };
                linkage.add_accessor("default".to_owned(), &local);
            }
            ModuleDecl::ExportDefaultExpr(export) => {
                linkage.add_export("default".to_owned(), export.span.lo)?;
                linkage.accessors.push(Accessor {
                    name: "default".to_owned(),
                    local: default_local.clone(),
                });
            }
            ModuleDecl::TsImportEquals(decl) => {
                return Err(unsupported(decl.span.lo, "`import … = require()`"))
            }
            ModuleDecl::TsExportAssignment(decl) => {
                return Err(unsupported(decl.span.lo, "`export =`"))
            }
            ModuleDecl::TsNamespaceExport(decl) => {
                return Err(unsupported(decl.span.lo, "`export as namespace`"))
            }
        }
    }
    Ok(ModuleLinkage {
        requests: linkage.requests,
        accessors: linkage.accessors,
        exported_locals: linkage.exported_locals,
        imports: linkage.imports.into_keys().collect(),
        default_function_renamed,
    })
}

/// The statements of the generator body, in source order: import and re-export declarations
/// dropped, `export` keywords removed, default exports bound to `default_local` (the forms
/// `link_module` accepted).
pub fn body_statements(module: Module, default_local: &Atom) -> Vec<Stmt> {
    let mut body = Vec::with_capacity(module.body.len());
    for item in module.body {
        match item {
            ModuleItem::Stmt(stmt) => body.push(stmt),
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => {
                body.push(Stmt::Decl(export.decl))
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(export)) => {
                if let Some(stmt) = default_declaration(export, default_local) {
                    body.push(stmt);
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(export)) => {
                body.push(default_const(export.span, export.expr, default_local))
            }
            ModuleItem::ModuleDecl(_) => {}
        }
    }
    body
}

fn unsupported(position: BytePos, what: &str) -> SourceProblem {
    SourceProblem::new(position, format!("{what} is not supported in an ES module"))
}

#[derive(Default)]
struct Linkage {
    requests: Vec<ModuleRequest>,
    request_index: FxHashMap<(String, BTreeMap<String, String>), usize>,
    imports: FxHashMap<Id, ImportedLocal>,
    accessors: Vec<Accessor>,
    exported_locals: FxHashMap<Id, Vec<String>>,
    export_names: FxHashSet<String>,
}

impl Linkage {
    /// Registers the request of an import or `export … from` declaration, with its bindings.
    fn add_request_declaration(&mut self, decl: &ModuleDecl) -> Result<(), SourceProblem> {
        match decl {
            ModuleDecl::Import(import) => {
                if import.phase != ImportPhase::Evaluation {
                    return Err(unsupported(
                        import.span.lo,
                        "an import phase (`source`, `defer`)",
                    ));
                }
                let request = self.request(&import.src, import.with.as_deref())?;
                for specifier in &import.specifiers {
                    let (local, name) = match specifier {
                        ImportSpecifier::Named(named) => {
                            let name = match &named.imported {
                                Some(imported) => export_name(imported)?,
                                None => named.local.sym.as_str().to_owned(),
                            };
                            (&named.local, Some(name))
                        }
                        ImportSpecifier::Default(default) => {
                            (&default.local, Some("default".to_owned()))
                        }
                        ImportSpecifier::Namespace(namespace) => (&namespace.local, None),
                    };
                    let binding = match &name {
                        Some(name) => Binding::Import {
                            name: name.clone(),
                            r#as: local.sym.as_str().to_owned(),
                        },
                        None => Binding::ImportStar {
                            r#as: local.sym.as_str().to_owned(),
                        },
                    };
                    self.requests[request].bindings.push(binding);
                    self.imports
                        .insert(local.to_id(), ImportedLocal { request, name });
                }
            }
            ModuleDecl::ExportAll(export) => {
                let request = self.request(&export.src, export.with.as_deref())?;
                self.requests[request].bindings.push(Binding::ExportStar);
            }
            ModuleDecl::ExportNamed(NamedExport {
                specifiers,
                src: Some(src),
                with,
                ..
            }) => {
                let request = self.request(src, with.as_deref())?;
                for specifier in specifiers {
                    let binding = match specifier {
                        ExportSpecifier::Namespace(namespace) => {
                            let exported = export_name(&namespace.name)?;
                            self.add_export(exported.clone(), namespace.span.lo)?;
                            Binding::IndirectExportStar { r#as: exported }
                        }
                        ExportSpecifier::Named(named) => {
                            let name = export_name(&named.orig)?;
                            let exported = match &named.exported {
                                Some(exported) => export_name(exported)?,
                                None => name.clone(),
                            };
                            self.add_export(exported.clone(), named.span.lo)?;
                            Binding::IndirectExport {
                                name,
                                r#as: exported,
                            }
                        }
                        ExportSpecifier::Default(default) => {
                            return Err(unsupported(default.exported.span.lo, "`export x from`"))
                        }
                    };
                    self.requests[request].bindings.push(binding);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The index of the request for (`specifier`, attributes), registering it when new.
    fn request(
        &mut self,
        specifier: &Str,
        with: Option<&ObjectLit>,
    ) -> Result<usize, SourceProblem> {
        let specifier = well_formed(specifier)?;
        let attributes = attributes(with)?;
        let key = (specifier, attributes);
        if let Some(&index) = self.request_index.get(&key) {
            return Ok(index);
        }
        let index = self.requests.len();
        self.requests.push(ModuleRequest {
            specifier: key.0.clone(),
            attributes: key.1.clone(),
            bindings: Vec::new(),
        });
        self.request_index.insert(key, index);
        Ok(index)
    }

    /// The accessor of the local export `name` of the body's binding `local`.
    fn add_accessor(&mut self, name: String, local: &Ident) {
        self.exported_locals
            .entry(local.to_id())
            .or_default()
            .push(name.clone());
        self.accessors.push(Accessor {
            name,
            local: local.sym.clone(),
        });
    }

    fn add_export(&mut self, name: String, position: BytePos) -> Result<(), SourceProblem> {
        if self.export_names.insert(name.clone()) {
            Ok(())
        } else {
            Err(SourceProblem::new(
                position,
                format!("Duplicate export of '{name}'"),
            ))
        }
    }

    /// `export { a as b }` without `from`: an accessor for a local, a re-export for an import.
    fn add_local_export_list(
        &mut self,
        named: &NamedExport,
        scope: &ModuleScope,
    ) -> Result<(), SourceProblem> {
        for specifier in &named.specifiers {
            let ExportSpecifier::Named(specifier) = specifier else {
                return Err(SourceProblem::new(
                    named.span.lo,
                    "Unexpected export specifier",
                ));
            };
            let ModuleExportName::Ident(local) = &specifier.orig else {
                return Err(SourceProblem::new(
                    specifier.span.lo,
                    "A string export name needs `from`",
                ));
            };
            let exported = match &specifier.exported {
                Some(exported) => export_name(exported)?,
                None => local.sym.as_str().to_owned(),
            };
            self.add_export(exported.clone(), specifier.span.lo)?;
            match self.imports.get(&local.to_id()) {
                Some(ImportedLocal {
                    request,
                    name: Some(name),
                }) => self.requests[*request]
                    .bindings
                    .push(Binding::IndirectExport {
                        name: name.clone(),
                        r#as: exported,
                    }),
                // `import * as ns from "m"; export { ns }` exports m's namespace itself
                // (ResolveExport answers it, as for `export * as ns from "m"`).
                Some(ImportedLocal {
                    request,
                    name: None,
                }) => self.requests[*request]
                    .bindings
                    .push(Binding::IndirectExportStar { r#as: exported }),
                None if !scope.declares(local) => {
                    return Err(SourceProblem::new(
                        local.span.lo,
                        format!("Export '{}' is not defined", local.sym),
                    ))
                }
                None => self.add_accessor(exported, local),
            }
        }
        Ok(())
    }
}

/// The text of an export or import name; names must be well-formed Unicode.
fn export_name(name: &ModuleExportName) -> Result<String, SourceProblem> {
    match name {
        ModuleExportName::Ident(ident) => Ok(ident.sym.as_str().to_owned()),
        ModuleExportName::Str(text) => well_formed(text),
    }
}

fn well_formed(text: &Str) -> Result<String, SourceProblem> {
    text.value.as_str().map(str::to_owned).ok_or_else(|| {
        SourceProblem::new(
            text.span.lo,
            "A module name or specifier cannot contain a lone surrogate",
        )
    })
}

/// `with { type: "json" }` as a sorted map.
fn attributes(with: Option<&ObjectLit>) -> Result<BTreeMap<String, String>, SourceProblem> {
    let mut attributes = BTreeMap::new();
    for prop in with.map(|with| with.props.as_slice()).unwrap_or_default() {
        let PropOrSpread::Prop(prop) = prop else {
            return Err(SourceProblem::new(
                prop.span_lo(),
                "Invalid import attribute",
            ));
        };
        let Prop::KeyValue(KeyValueProp { key, value }) = &**prop else {
            return Err(SourceProblem::new(
                prop.span_lo(),
                "Invalid import attribute",
            ));
        };
        let key_text = match key {
            PropName::Ident(ident) => ident.sym.as_str().to_owned(),
            PropName::Str(text) => well_formed(text)?,
            _ => {
                return Err(SourceProblem::new(
                    key.span_lo(),
                    "Invalid import attribute key",
                ))
            }
        };
        let Expr::Lit(Lit::Str(value)) = &**value else {
            return Err(SourceProblem::new(
                value.span_lo(),
                "An import attribute value must be a string",
            ));
        };
        if attributes
            .insert(key_text.clone(), well_formed(value)?)
            .is_some()
        {
            return Err(SourceProblem::new(
                key.span_lo(),
                format!("Duplicate import attribute '{key_text}'"),
            ));
        }
    }
    Ok(attributes)
}

fn declared_idents(decl: &Decl) -> Vec<Ident> {
    match decl {
        Decl::Class(class) => vec![class.ident.clone()],
        Decl::Fn(function) => vec![function.ident.clone()],
        Decl::Var(var) => find_pat_ids(&var.decls),
        Decl::Using(using) => find_pat_ids(&using.decls),
        Decl::TsEnum(ts_enum) => vec![ts_enum.id.clone()],
        Decl::TsModule(_) | Decl::TsInterface(_) | Decl::TsTypeAlias(_) => Vec::new(),
    }
}

/// `export default function/class …` as a body statement (an anonymous function is named
/// `default_local`); `None` for an interface, which `link_module` rejects.
fn default_declaration(export: ExportDefaultDecl, default_local: &Atom) -> Option<Stmt> {
    match export.decl {
        DefaultDecl::Fn(FnExpr { ident, function }) => Some(Stmt::Decl(Decl::Fn(FnDecl {
            ident: ident.unwrap_or_else(|| Ident::new_no_ctxt(default_local.clone(), DUMMY_SP)),
            declare: false,
            function,
        }))),
        DefaultDecl::Class(ClassExpr {
            ident: Some(ident),
            class,
        }) => Some(Stmt::Decl(Decl::Class(ClassDecl {
            ident,
            declare: false,
            class,
        }))),
        DefaultDecl::Class(anonymous) => Some(default_const(
            export.span,
            Box::new(Expr::Class(anonymous)),
            default_local,
        )),
        DefaultDecl::TsInterfaceDecl(_) => None,
    }
}

/// `const <prefix>default = <expression>;`, keeping `.name === "default"` for anonymous
/// functions and classes by defining them as the `default` property of an object literal.
fn default_const(span: swc_core::common::Span, expr: Box<Expr>, default_local: &Atom) -> Stmt {
    let init = if is_anonymous_function_definition(&expr) {
        Box::new(Expr::Member(MemberExpr {
            span: DUMMY_SP,
            obj: Box::new(Expr::Object(ObjectLit {
                span: DUMMY_SP,
                props: vec![PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
                    key: PropName::Ident(IdentName::new("default".into(), DUMMY_SP)),
                    value: expr,
                })))],
            })),
            prop: MemberProp::Ident(IdentName::new("default".into(), DUMMY_SP)),
        }))
    } else {
        expr
    };
    Stmt::Decl(Decl::Var(Box::new(VarDecl {
        span,
        ctxt: SyntaxContext::empty(),
        kind: VarDeclKind::Const,
        declare: false,
        decls: vec![VarDeclarator {
            span,
            name: Pat::Ident(BindingIdent::from(Ident::new_no_ctxt(
                default_local.clone(),
                DUMMY_SP,
            ))),
            init: Some(init),
            definite: false,
        }],
    })))
}

/// ECMAScript's IsAnonymousFunctionDefinition (parentheses see through).
pub(crate) fn is_anonymous_function_definition(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(paren) => is_anonymous_function_definition(&paren.expr),
        Expr::Fn(FnExpr { ident: None, .. }) | Expr::Arrow(_) => true,
        Expr::Class(ClassExpr { ident: None, .. }) => true,
        _ => false,
    }
}

/// TypeScript's CommonJS forms, `import x = require()` and `export =`, have no ES module meaning
/// (Node's type stripping rejects them too); checked before the TypeScript pass rewrites them.
pub fn reject_commonjs_forms(module: &Module) -> Result<(), SourceProblem> {
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(ModuleDecl::TsImportEquals(decl))
                if matches!(decl.module_ref, TsModuleRef::TsExternalModuleRef(_)) =>
            {
                return Err(unsupported(decl.span.lo, "`import … = require()`"));
            }
            ModuleItem::ModuleDecl(ModuleDecl::TsExportAssignment(decl)) => {
                return Err(unsupported(decl.span.lo, "`export =`"));
            }
            _ => {}
        }
    }
    Ok(())
}
