//! Strings crossing the boundary, each in one copy where napi-rs's `String` takes two passes.
//!
//! Out (`JsText`): the code and the map are nearly always ASCII, which V8 stores one byte per
//! character. Created from Latin-1 such a string is one copy, where created from UTF-8 V8 first
//! scans it to learn its encoding and length and then decodes it. ASCII is the same text in both
//! encodings; anything else goes through UTF-8. (Handing other text over as UTF-16 took fewer
//! instructions but no less time: writing the extra buffer costs what the decoding saves.)
//!
//! In (`SourceText`): napi-rs asks V8 for the UTF-8 length (a pass over the string), then for the
//! text. The length in UTF-16 units costs nothing, and no unit takes more than three UTF-8 bytes
//! (a surrogate pair is two units for four bytes, a lone surrogate becomes U+FFFD), so a buffer of
//! three bytes a unit takes the text in one pass.

use napi::bindgen_prelude::{FromNapiValue, ToNapiValue, TypeName, ValidateNapiValue, ValueType};
use napi::{check_status, sys, Result};

pub struct JsText(pub String);

impl TypeName for JsText {
    fn type_name() -> &'static str {
        "String"
    }

    fn value_type() -> ValueType {
        ValueType::String
    }
}

impl ToNapiValue for JsText {
    unsafe fn to_napi_value(env: sys::napi_env, text: Self) -> Result<sys::napi_value> {
        if !text.0.is_ascii() {
            return String::to_napi_value(env, text.0);
        }
        let mut value = std::ptr::null_mut();
        // A Rust string is never longer than `isize::MAX` bytes.
        let length = text.0.len() as isize;
        check_status!(
            sys::napi_create_string_latin1(env, text.0.as_ptr().cast(), length, &mut value),
            "Failed to create a JavaScript string"
        )?;
        Ok(value)
    }
}

/// The UTF-8 bytes of a JavaScript string (lone surrogates replaced by U+FFFD, as napi-rs does);
/// the transform checks them as it checks a `Uint8Array`.
pub struct SourceText(pub Vec<u8>);

impl TypeName for SourceText {
    fn type_name() -> &'static str {
        "String"
    }

    fn value_type() -> ValueType {
        ValueType::String
    }
}

impl ValidateNapiValue for SourceText {}

impl FromNapiValue for SourceText {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> Result<Self> {
        let mut units = 0;
        check_status!(
            sys::napi_get_value_string_utf16(env, value, std::ptr::null_mut(), 0, &mut units),
            "The source is not a string"
        )?;
        // Room for the text and the terminating NUL napi always writes.
        let capacity = units
            .checked_mul(3)
            .and_then(|bytes| bytes.checked_add(1))
            .ok_or_else(|| napi::Error::from_reason("The source is too long"))?;
        let mut bytes: Vec<u8> = Vec::with_capacity(capacity);
        let mut written = 0;
        check_status!(
            sys::napi_get_value_string_utf8(
                env,
                value,
                bytes.as_mut_ptr().cast(),
                capacity,
                &mut written,
            ),
            "The source is not a string"
        )?;
        // napi wrote `written` bytes of UTF-8 (and the NUL after them) into the buffer.
        bytes.set_len(written.min(capacity - 1));
        Ok(SourceText(bytes))
    }
}
