//! wasm32-wasip1 binding of the dynohot transform: a WASI reactor with a small C ABI over linear
//! memory. Its one caller is `src/transform/wasm.ts`.
//!
//! - `dynohot_alloc(len) -> ptr`: a zeroed buffer of `len` bytes for the caller to fill.
//! - `dynohot_transform(source_ptr, source_len, options_ptr, options_len) -> answer_ptr`: takes
//!   ownership of both buffers (the source bytes and the options as UTF-8 JSON) and returns an
//!   *answer*: a little-endian `u32` length followed by that many bytes of the JSON that
//!   `dynohot_transform::transform_to_json` produces. 0 when the answer does not fit a `u32` length.
//! - `dynohot_dealloc(ptr, len)`: frees a buffer from `dynohot_alloc`, or an answer (`len` is then
//!   4 + its JSON length).
//! - `dynohot_panic_answer() -> answer_ptr`: wasm is built with `panic = "abort"`, so a panic traps
//!   instead of unwinding. The panic hook leaves the answer the native binding would give (the
//!   transform's internal error) here first; after a trap the caller reads it, then discards the
//!   instance. 0 when no panic happened during the last `dynohot_transform`.

use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use dynohot_transform::transform_to_json;
use serde::Deserialize;

/// Bytes before the JSON in an answer: its length as a little-endian `u32`.
const ANSWER_HEADER: usize = 4;

/// The URL of the module being transformed, for the panic hook's error.
static CURRENT_URL: Mutex<String> = Mutex::new(String::new());
/// The answer the panic hook built during the current call (null when there was no panic).
static PANIC_ANSWER: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
#[cfg(panic = "abort")]
static INSTALL_PANIC_HOOK: std::sync::Once = std::sync::Once::new();

/// A buffer of `len` zeroed bytes, owned by the caller until passed to `dynohot_transform` or
/// `dynohot_dealloc`.
#[no_mangle]
pub extern "C" fn dynohot_alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Frees a buffer from `dynohot_alloc` or an answer from `dynohot_transform`.
///
/// # Safety
/// `ptr` and `len` must describe exactly one such buffer, not yet freed or passed on.
#[no_mangle]
pub unsafe extern "C" fn dynohot_dealloc(ptr: *mut u8, len: usize) {
    drop(unsafe { take_buffer(ptr, len) });
}

/// Transforms one module; see the crate documentation for the answer's layout.
///
/// # Safety
/// Both pointer/length pairs must each describe one buffer from `dynohot_alloc`, not yet freed;
/// this call takes ownership of them.
#[no_mangle]
pub unsafe extern "C" fn dynohot_transform(
    source_ptr: *mut u8,
    source_len: usize,
    options_ptr: *mut u8,
    options_len: usize,
) -> *mut u8 {
    let source = unsafe { take_buffer(source_ptr, source_len) };
    let options = unsafe { take_buffer(options_ptr, options_len) };
    // The caller encodes the options with `TextEncoder`; anything else becomes an options error.
    let options = String::from_utf8_lossy(&options);

    // Where panics unwind (host builds, tests) the transform catches them itself.
    #[cfg(panic = "abort")]
    INSTALL_PANIC_HOOK.call_once(|| std::panic::set_hook(Box::new(record_panic)));
    PANIC_ANSWER.store(std::ptr::null_mut(), Ordering::Relaxed);
    *CURRENT_URL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = module_url(&options);

    into_answer(transform_to_json(&source, &options))
}

/// The answer the panic hook left during the last `dynohot_transform`, or null.
#[no_mangle]
pub extern "C" fn dynohot_panic_answer() -> *mut u8 {
    PANIC_ANSWER.load(Ordering::Relaxed)
}

/// # Safety
/// As for `dynohot_dealloc`.
unsafe fn take_buffer(ptr: *mut u8, len: usize) -> Box<[u8]> {
    unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) }
}

fn into_answer(json: String) -> *mut u8 {
    let Ok(len) = u32::try_from(json.len()) else {
        return std::ptr::null_mut();
    };
    let mut answer = Vec::with_capacity(ANSWER_HEADER + json.len());
    answer.extend_from_slice(&len.to_le_bytes());
    answer.extend_from_slice(json.as_bytes());
    Box::into_raw(answer.into_boxed_slice()).cast()
}

/// Only the URL of the options (for the panic hook); the transform parses and checks them all.
fn module_url(options_json: &str) -> String {
    #[derive(Deserialize)]
    struct UrlOnly {
        url: String,
    }
    serde_json::from_str::<UrlOnly>(options_json)
        .map_or_else(|_| String::new(), |options| options.url)
}

/// The panic hook: leaves the answer the native binding gives for a panic (it catches the unwind
/// and reports `internal_error`), because here the panic is about to become a trap.
#[cfg(panic = "abort")]
fn record_panic(info: &std::panic::PanicHookInfo<'_>) {
    let url = CURRENT_URL
        .lock()
        .map_or_else(|poisoned| poisoned.into_inner().clone(), |url| url.clone());
    if let Some(json) = panic_answer_json(url, info.payload()) {
        PANIC_ANSWER.store(into_answer(json), Ordering::Relaxed);
    }
}

#[cfg(any(panic = "abort", test))]
fn panic_answer_json(url: String, payload: &(dyn std::any::Any + Send)) -> Option<String> {
    use dynohot_transform::{internal_error, TransformError, TransformOptions};

    #[derive(serde::Serialize)]
    struct ErrorAnswer {
        error: TransformError,
    }
    let options = TransformOptions {
        url,
        ..TransformOptions::default()
    };
    serde_json::to_string(&ErrorAnswer {
        error: internal_error(&options, payload),
    })
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(bytes: &[u8]) -> (*mut u8, usize) {
        let ptr = dynohot_alloc(bytes.len());
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len()) };
        (ptr, bytes.len())
    }

    /// Calls the ABI as the JavaScript side does and returns the answer's JSON.
    fn call(source: &[u8], options: &str) -> String {
        let (source_ptr, source_len) = write(source);
        let (options_ptr, options_len) = write(options.as_bytes());
        let answer = unsafe { dynohot_transform(source_ptr, source_len, options_ptr, options_len) };
        assert!(!answer.is_null());
        let header = unsafe { std::slice::from_raw_parts(answer, ANSWER_HEADER) };
        let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let json = unsafe { std::slice::from_raw_parts(answer.add(ANSWER_HEADER), len) }.to_vec();
        unsafe { dynohot_dealloc(answer, ANSWER_HEADER + len) };
        String::from_utf8(json).expect("the answer is UTF-8")
    }

    #[test]
    fn answers_what_transform_to_json_answers() {
        let source = b"import { a } from \"./a.js\";\nexport const b = a + 1;\n";
        let options = r#"{"url":"file:///m.js","sourceMap":true}"#;
        assert_eq!(call(source, options), transform_to_json(source, options));
        assert!(call(source, options).starts_with("{\"ok\":"));
    }

    #[test]
    fn syntax_errors_are_answers() {
        let options = r#"{"url":"file:///bad.js"}"#;
        let answer = call(b"let = ;", options);
        assert_eq!(answer, transform_to_json(b"let = ;", options));
        assert!(answer.starts_with("{\"error\":"));
    }

    #[test]
    fn empty_buffers_are_valid() {
        let answer = call(b"", "");
        assert!(answer.starts_with("{\"error\":{\"message\":\"Invalid transform options"));
        unsafe { dynohot_dealloc(dynohot_alloc(0), 0) };
    }

    #[test]
    fn the_url_is_read_for_the_panic_hook() {
        assert_eq!(
            module_url(r#"{"url":"file:///x.js","typescript":true}"#),
            "file:///x.js"
        );
        assert_eq!(module_url("not json"), "");
    }

    #[test]
    fn a_panic_answers_the_internal_error() {
        let payload = std::panic::catch_unwind(|| panic!("boom {}", 42)).unwrap_err();
        assert_eq!(
            panic_answer_json("file:///p.js".to_owned(), &*payload).unwrap(),
            r#"{"error":{"message":"Internal error in the dynohot transform: boom 42","file":"file:///p.js","line":1,"column":1,"codeFrame":""}}"#
        );
    }
}
