//! Parsing one module, with syntax errors turned into `TransformError`s.

use swc_core::{
    common::{sync::Lrc, BytePos, SourceFile, Spanned},
    ecma::{
        ast::{EsVersion, Module},
        parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax},
    },
};

use crate::error::TransformError;

/// Parses `file` as an ES module (TypeScript when `typescript`, with JSX when `jsx`). Recoverable
/// errors the parser collects (strict-mode and other early errors) fail the transform too: the
/// first one is reported.
pub fn parse_module(
    file: &Lrc<SourceFile>,
    url: &str,
    typescript: bool,
    jsx: bool,
) -> Result<Module, TransformError> {
    let syntax = if typescript {
        Syntax::Typescript(TsSyntax {
            tsx: jsx,
            // tsc compiles them (`lowering`); JavaScript keeps what node accepts.
            decorators: true,
            ..Default::default()
        })
    } else {
        Syntax::Es(EsSyntax {
            jsx,
            import_attributes: true,
            explicit_resource_management: true,
            ..Default::default()
        })
    };
    let lexer = Lexer::new(
        syntax,
        EsVersion::latest(),
        StringInput::from(&**file),
        None,
    );
    let mut parser = Parser::new_from(lexer);
    let parsed = parser.parse_module();
    let mut errors = parser.take_errors();
    let module = match parsed {
        Ok(module) => module,
        Err(error) => {
            errors.push(error);
            Module::default()
        }
    };
    match errors.into_iter().min_by_key(|error| error.span().lo) {
        Some(error) => Err(error_at(
            file,
            url,
            error.span().lo,
            error.kind().msg().into_owned(),
        )),
        None => Ok(module),
    }
}

/// A `TransformError` at a position of the parsed file.
pub fn error_at(
    file: &SourceFile,
    url: &str,
    position: BytePos,
    message: impl Into<String>,
) -> TransformError {
    let offset = position.0.saturating_sub(file.start_pos.0) as usize;
    TransformError::at_offset(message, url, &file.src, offset)
}
