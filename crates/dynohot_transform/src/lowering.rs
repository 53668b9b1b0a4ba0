//! TypeScript, JSX and decorators turned into the JavaScript node runs, as tsc's
//! `compilerOptions` ask, by swc's own passes on the resolved tree: decorators first (legacy ones
//! read the types for their metadata), then JSX, then the types stripped.
//!
//! ```text
//! jsx: "react-jsx"                  import { jsx as _jsx } from "react/jsx-runtime";
//! const a = <p>{x}</p>;        →    const a = _jsx("p", { children: x });
//!
//! experimentalDecorators            class C {}
//! @sealed class C {}           →    C = _ts_decorate([sealed], C);
//! ```

use std::sync::{Arc, Mutex};

use serde::Deserialize;
use swc_core::{
    common::{
        comments::NoopComments,
        errors::{DiagnosticBuilder, Emitter, Handler, HANDLER},
        sync::Lrc,
        BytePos, Mark, SourceMap, Span,
    },
    ecma::{
        ast::{Module, Pass, Program},
        transforms::{
            base::helpers::{inject_helpers, Helpers, HELPERS},
            proposal::{
                decorator_2023_11::decorator_2023_11,
                decorators::{decorators, Config as DecoratorConfig},
            },
            react::{react, Options as JsxConfig, Runtime},
            typescript::{typescript, Config as TypeScriptConfig},
        },
        visit::{VisitMut, VisitMutWith},
    },
};

use crate::error::SourceProblem;

/// The `compilerOptions` of the tsconfig.json that governs the module, as far as they change
/// what code runs (tsc's names and values).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompilerOptions {
    /// `preserve`, `react`, `react-jsx`, `react-jsxdev` or `react-native`; without it, JSX
    /// compiles as `react` does (as tsx and esbuild do; tsc refuses JSX then).
    #[serde(default)]
    pub jsx: Option<String>,
    /// `react`: the function elements are created with (`React.createElement`).
    #[serde(default)]
    pub jsx_factory: Option<String>,
    /// `react`: the fragment component (`React.Fragment`).
    #[serde(default)]
    pub jsx_fragment_factory: Option<String>,
    /// `react-jsx`, `react-jsxdev`: the package of `jsx-runtime` (`react`).
    #[serde(default)]
    pub jsx_import_source: Option<String>,
    /// Decorators as TypeScript ran them before the standard (`@Injectable()` in NestJS, TypeORM).
    #[serde(default)]
    pub experimental_decorators: bool,
    /// With `experimental_decorators`: `design:type` and friends, for `reflect-metadata`.
    #[serde(default)]
    pub emit_decorator_metadata: bool,
    /// Imports are kept as written: only `import type` and `type` specifiers go.
    #[serde(default)]
    pub verbatim_module_syntax: bool,
}

impl CompilerOptions {
    /// swc's JSX options for `jsx`, `None` for `preserve` (JSX left as is).
    fn jsx_config(&self) -> Result<Option<JsxConfig>, String> {
        let mut config = JsxConfig::default();
        match self.jsx.as_deref().unwrap_or("react") {
            "preserve" | "react-native" => return Ok(None),
            "react" => {
                config.runtime = Some(Runtime::Classic);
                config.pragma = self.jsx_factory.clone().map(Into::into);
                config.pragma_frag = self.jsx_fragment_factory.clone().map(Into::into);
            }
            mode @ ("react-jsx" | "react-jsxdev") => {
                config.runtime = Some(Runtime::Automatic);
                config.import_source = self.jsx_import_source.clone().map(Into::into);
                config.development = Some(mode == "react-jsxdev");
            }
            other => return Err(format!("Unknown jsx option '{other}' in tsconfig.json")),
        }
        // As tsc: `<a:b>` is an element named `a:b`.
        config.throw_if_namespace = Some(false);
        Ok(Some(config))
    }
}

/// What the module is written in, and what it asks of the passes.
pub struct Language<'a> {
    pub typescript: bool,
    pub jsx: bool,
    pub uses_decorators: bool,
    pub compiler_options: &'a CompilerOptions,
}

/// Runs the passes `language` needs over the resolved `module`, which starts at `start` in `cm`.
/// A module with JSX under `jsx: "preserve"` is an error: node cannot run JSX.
pub fn lower(
    module: Module,
    language: &Language,
    cm: &Lrc<SourceMap>,
    start: BytePos,
    marks: (Mark, Mark),
) -> Result<Module, SourceProblem> {
    let (unresolved_mark, top_level_mark) = marks;
    let options = language.compiler_options;
    let mut program = Program::Module(module);
    let problems = Problems::default();
    let handler = Handler::with_emitter(false, false, Box::new(problems.clone()));
    // The decorator passes call helpers (`_ts_decorate`, …); they are written into the module
    // itself, as tsc does without `importHelpers`, so nothing needs `@swc/helpers`.
    let helpers = Helpers::new(false);
    let compiled = HANDLER.set(&handler, || {
        HELPERS.set(&helpers, || -> Result<(), SourceProblem> {
            let generates = language.uses_decorators || language.jsx;
            if language.uses_decorators {
                compile_decorators(options, &mut program);
            }
            if language.jsx {
                let config = options
                    .jsx_config()
                    .map_err(|message| SourceProblem::new(start, message))?;
                match config {
                    Some(config) => {
                        let comments = None::<NoopComments>;
                        react(
                            cm.clone(),
                            comments,
                            config,
                            top_level_mark,
                            unresolved_mark,
                        )
                        .process(&mut program);
                    }
                    None => preserved_jsx(&program).map_or(Ok(()), Err)?,
                }
            }
            if generates {
                inject_helpers(unresolved_mark).process(&mut program);
                program.visit_mut_with(&mut PlaceGeneratedCode { last: start });
            }
            if language.typescript {
                let config = TypeScriptConfig {
                    native_class_properties: true,
                    verbatim_module_syntax: options.verbatim_module_syntax,
                    no_empty_export: true,
                    // As tsc: enum members are read from the enum object, not inlined.
                    ts_enum_is_mutable: true,
                    ..Default::default()
                };
                typescript(config, unresolved_mark, top_level_mark).process(&mut program);
            }
            Ok(())
        })
    });
    compiled?;
    problems.first().map_or(Ok(program.expect_module()), Err)
}

/// Legacy decorators (`experimentalDecorators`, with their metadata), or the standard ones, as
/// TypeScript 5 emits them without that option.
fn compile_decorators(options: &CompilerOptions, program: &mut Program) {
    if options.experimental_decorators {
        decorators(DecoratorConfig {
            legacy: true,
            emit_metadata: options.emit_decorator_metadata,
            // Class fields are always defined, as Node's type stripping does (`useDefineForClassFields`
            // is not applied: README, TypeScript).
            use_define_for_class_fields: true,
        })
        .process(program);
    } else {
        decorator_2023_11().process(program);
    }
}

/// Gives the code the passes invent (JSX's props objects, decorator calls, helpers) the position
/// of the source code before it, so that the printer keeps it on that line (`line_keeper` breaks
/// lines only before tokens with a position) and the lines after it keep their numbers.
struct PlaceGeneratedCode {
    last: BytePos,
}

impl VisitMut for PlaceGeneratedCode {
    fn visit_mut_span(&mut self, span: &mut Span) {
        if span.is_dummy() {
            *span = Span::new(self.last, self.last);
        } else {
            self.last = span.lo;
        }
    }
}

/// The error for JSX that `jsx: "preserve"` would leave in the output, if there is any.
fn preserved_jsx(program: &Program) -> Option<SourceProblem> {
    use swc_core::{
        common::Spanned,
        ecma::{
            ast::{JSXElement, JSXFragment},
            visit::{Visit, VisitWith},
        },
    };
    struct FirstJsx(Option<BytePos>);
    impl Visit for FirstJsx {
        fn visit_jsx_element(&mut self, node: &JSXElement) {
            self.0.get_or_insert(node.span_lo());
        }
        fn visit_jsx_fragment(&mut self, node: &JSXFragment) {
            self.0.get_or_insert(node.span_lo());
        }
    }
    let mut first = FirstJsx(None);
    program.visit_with(&mut first);
    first.0.map(|position| SourceProblem::new(
        position,
        "JSX under `\"jsx\": \"preserve\"` is left for another tool, and node cannot run it: set `jsx` in tsconfig.json to `react-jsx` (or `react`)",
    ))
}

/// The errors swc's passes report through `HANDLER`, first one first.
#[derive(Clone, Default)]
struct Problems(Arc<Mutex<Vec<SourceProblem>>>);

impl Problems {
    fn first(&self) -> Option<SourceProblem> {
        let problems = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        problems
            .iter()
            .min_by_key(|problem| problem.position)
            .cloned()
    }
}

impl Emitter for Problems {
    fn emit(&mut self, diagnostic: &mut DiagnosticBuilder<'_>) {
        if !diagnostic.is_error() {
            return;
        }
        let position = diagnostic
            .span
            .primary_span()
            .map_or(BytePos(0), |span| span.lo);
        let problem = SourceProblem::new(position, diagnostic.message());
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(problem);
    }
}
