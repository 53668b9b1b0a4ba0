//! The dynohot transform: one ES module in, the body of a generator function, a source map and
//! the module's linkage metadata out. `docs/transform-contract.md` is the specification.

mod analysis;
mod error;
#[cfg(not(target_family = "wasm"))]
mod large_stack;
mod lowering;
mod output;
mod parse;
mod pipeline;
mod printing;
mod splicing;
mod text;

use serde::{Deserialize, Serialize};

pub use error::TransformError;
pub use lowering::CompilerOptions;
pub use output::metadata::{Binding, ModuleMetadata, ModuleRequest};

pub use analysis::nesting::NESTING_LIMIT;

/// Bumped whenever the shape of the output changes (the persistent cache keys on it).
pub const TRANSFORM_VERSION: u32 = 8;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransformOptions {
    /// The module's `file:` URL: the map's `sources`, the error's `file`.
    pub url: String,
    /// Parse as TypeScript and strip the types.
    #[serde(default)]
    pub typescript: bool,
    /// Parse JSX (`.tsx`, `.jsx`) and compile it as `compiler_options.jsx` says.
    #[serde(default)]
    pub jsx: bool,
    /// The tsconfig.json options that change what code runs (JSX, decorators, imports kept).
    #[serde(default)]
    pub compiler_options: CompilerOptions,
    /// Produce `map`.
    #[serde(default)]
    pub source_map: bool,
    /// V3 JSON of an earlier stage; the output map is chained through it.
    #[serde(default)]
    pub input_source_map: Option<String>,
    /// Rewrite and print the tree even where the module's own text could be spliced (tests
    /// compare the two).
    #[doc(hidden)]
    #[serde(skip)]
    pub force_printing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TransformOutput {
    pub code: String,
    pub map: Option<String>,
    pub metadata: ModuleMetadata,
}

/// Transforms one module (contract §1), on a thread with a large stack (see `large_stack`).
#[cfg(not(target_family = "wasm"))]
pub fn transform(
    source: &[u8],
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    large_stack::run_with_large_stack(source, options)
}

/// Transforms one module (contract §1). wasm32-wasip1 is single-threaded (Debian's WASI libc does
/// not even link `pthread_create`), so the transform runs in place; the wasm module's own stack is
/// sized for it (scripts/build-wasm.sh) and an overflow traps, which the JavaScript side survives.
#[cfg(target_family = "wasm")]
pub fn transform(
    source: &[u8],
    options: &TransformOptions,
) -> Result<TransformOutput, TransformError> {
    pipeline::transform_in_place(source, options)
}

/// `transform` for bindings that pass JSON: options in, `{"ok":{code,map,metadata}}` or
/// `{"error":{message,file,line,column,codeFrame}}` out.
pub fn transform_to_json(source: &[u8], options_json: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Answer {
        Ok(TransformOutput),
        Error(TransformError),
    }
    let answer = match serde_json::from_str::<TransformOptions>(options_json) {
        Ok(options) => match transform(source, &options) {
            Ok(output) => Answer::Ok(output),
            Err(error) => Answer::Error(error),
        },
        Err(error) => Answer::Error(TransformError {
            message: format!("Invalid transform options: {error}"),
            file: String::new(),
            line: 1,
            column: 1,
            code_frame: String::new(),
        }),
    };
    // Serialising these plain structs cannot fail; the fallback keeps the answer well-formed anyway.
    serde_json::to_string(&answer).unwrap_or_else(|_| {
        "{\"error\":{\"message\":\"Internal error: the answer could not be serialised\",\"file\":\"\",\"line\":1,\"column\":1,\"codeFrame\":\"\"}}".to_owned()
    })
}

/// The error for a panic inside the transform (a bug, but never a crash of the host process).
pub fn internal_error(
    options: &TransformOptions,
    panic: &(dyn std::any::Any + Send),
) -> TransformError {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    TransformError::internal(detail, &options.url)
}
