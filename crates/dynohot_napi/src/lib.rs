//! N-API binding of the dynohot transform. The answer is a plain object: `{ code, map, metadata }`
//! (metadata as JSON text, parsed on the JavaScript side) or `{ error }` with the error's fields;
//! `dynohot/transform` turns the latter into the `SyntaxError` of the contract. A panic anywhere in
//! the transform becomes a rejected call, never an abort of the host process.

mod allocator;
mod js_text;

use std::panic::{catch_unwind, AssertUnwindSafe};

use dynohot_transform::{CompilerOptions, TransformError, TransformOptions, TransformOutput};
use napi::bindgen_prelude::{AsyncTask, Either, Env, Result, Task, Uint8Array};
use napi_derive::napi;

use js_text::{JsText, SourceText};

/// Rust's allocations in the binding (the transform's syntax tree above all); memory handed to
/// JavaScript is always copied by N-API, so the two heaps never free each other's blocks.
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

#[napi(object)]
pub struct NativeTransformOptions {
    pub url: String,
    pub typescript: Option<bool>,
    pub jsx: Option<bool>,
    pub compiler_options: Option<NativeCompilerOptions>,
    pub source_map: Option<bool>,
    pub input_source_map: Option<String>,
}

/// `CompilerOptions`: tsconfig.json's names and values.
#[napi(object)]
pub struct NativeCompilerOptions {
    pub jsx: Option<String>,
    pub jsx_factory: Option<String>,
    pub jsx_fragment_factory: Option<String>,
    pub jsx_import_source: Option<String>,
    pub experimental_decorators: Option<bool>,
    pub emit_decorator_metadata: Option<bool>,
    pub verbatim_module_syntax: Option<bool>,
}

impl From<NativeCompilerOptions> for CompilerOptions {
    fn from(options: NativeCompilerOptions) -> Self {
        CompilerOptions {
            jsx: options.jsx,
            jsx_factory: options.jsx_factory,
            jsx_fragment_factory: options.jsx_fragment_factory,
            jsx_import_source: options.jsx_import_source,
            experimental_decorators: options.experimental_decorators.unwrap_or(false),
            emit_decorator_metadata: options.emit_decorator_metadata.unwrap_or(false),
            verbatim_module_syntax: options.verbatim_module_syntax.unwrap_or(false),
        }
    }
}

#[napi(object)]
pub struct NativeTransformError {
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub code_frame: String,
}

/// Either the output (`code`, `map`, `metadata`) or `error`.
#[napi(object, object_from_js = false)]
pub struct NativeTransformAnswer {
    #[napi(ts_type = "string")]
    pub code: Option<JsText>,
    #[napi(ts_type = "string")]
    pub map: Option<JsText>,
    /// `ModuleMetadata` as JSON: one string crosses the boundary faster than a tree of objects.
    #[napi(ts_type = "string")]
    pub metadata: Option<JsText>,
    pub error: Option<NativeTransformError>,
}

impl From<NativeTransformOptions> for TransformOptions {
    fn from(options: NativeTransformOptions) -> Self {
        TransformOptions {
            url: options.url,
            typescript: options.typescript.unwrap_or(false),
            jsx: options.jsx.unwrap_or(false),
            compiler_options: options
                .compiler_options
                .map(CompilerOptions::from)
                .unwrap_or_default(),
            source_map: options.source_map.unwrap_or(false),
            input_source_map: options.input_source_map,
            ..TransformOptions::default()
        }
    }
}

fn answer(result: std::result::Result<TransformOutput, TransformError>) -> NativeTransformAnswer {
    match result {
        Ok(output) => NativeTransformAnswer {
            code: Some(JsText(output.code)),
            map: output.map.map(JsText),
            metadata: Some(JsText(output.metadata.to_json())),
            error: None,
        },
        Err(error) => NativeTransformAnswer {
            code: None,
            map: None,
            metadata: None,
            error: Some(NativeTransformError {
                message: error.message,
                file: error.file,
                line: error.line,
                column: error.column,
                code_frame: error.code_frame,
            }),
        },
    }
}

/// Runs the transform with panics caught, then releases the memory a large one freed.
fn run(
    source: &[u8],
    options: &TransformOptions,
) -> std::result::Result<TransformOutput, TransformError> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        dynohot_transform::transform(source, options)
    }))
    .unwrap_or_else(|panic| Err(dynohot_transform::internal_error(options, &*panic)));
    // The syntax tree is gone by now; only the output is still held.
    allocator::release_after_transform(source.len());
    result
}

fn source_bytes(source: &Either<SourceText, Uint8Array>) -> &[u8] {
    match source {
        Either::A(text) => &text.0,
        Either::B(bytes) => bytes,
    }
}

/// Transforms one module on the calling thread.
#[napi(ts_args_type = "source: string | Uint8Array, options: NativeTransformOptions")]
pub fn transform_sync(
    source: Either<SourceText, Uint8Array>,
    options: NativeTransformOptions,
) -> Result<NativeTransformAnswer> {
    let options = TransformOptions::from(options);
    Ok(answer(run(source_bytes(&source), &options)))
}

pub struct TransformTask {
    source: Vec<u8>,
    options: TransformOptions,
}

impl Task for TransformTask {
    type Output = std::result::Result<TransformOutput, TransformError>;
    type JsValue = NativeTransformAnswer;

    fn compute(&mut self) -> Result<Self::Output> {
        Ok(run(&self.source, &self.options))
    }

    fn resolve(&mut self, _: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(answer(output))
    }
}

/// Transforms one module on the libuv thread pool.
#[napi(ts_args_type = "source: string | Uint8Array, options: NativeTransformOptions")]
pub fn transform(
    source: Either<SourceText, Uint8Array>,
    options: NativeTransformOptions,
) -> AsyncTask<TransformTask> {
    AsyncTask::new(TransformTask {
        source: match source {
            Either::A(text) => text.0,
            // Copied: the JavaScript side may change its buffer while the task runs.
            Either::B(bytes) => bytes.to_vec(),
        },
        options: options.into(),
    })
}
