//! Where the transform runs: on a stack large enough that deep nesting cannot overflow it. The
//! parser recurses once per nesting level (up to about 7 KB a level, see `nesting`), and 100,000
//! levels must give an error, not a crash; the caller's stack (a libuv worker's is 8 MB at best)
//! is far too small. Only the pages used are ever committed.

#[cfg(unix)]
mod mapped;
#[cfg(not(unix))]
mod thread;

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::{TransformError, TransformOptions, TransformOutput};

#[cfg(target_pointer_width = "64")]
pub(crate) const STACK_SIZE: usize = 4 << 30;
#[cfg(not(target_pointer_width = "64"))]
pub(crate) const STACK_SIZE: usize = 256 << 20;

type Answer = Result<TransformOutput, TransformError>;

/// The transform, with a panic turned into an error: nothing unwinds out of it, so it may run on
/// a stack the unwinder must not leave.
fn transform_catching_panics(source: &[u8], options: &TransformOptions) -> Answer {
    catch_unwind(AssertUnwindSafe(|| {
        crate::pipeline::transform_in_place(source, options)
    }))
    .unwrap_or_else(|panic| Err(crate::internal_error(options, &*panic)))
}

/// Transforms on a large stack: on Unix the calling thread switches to a stack of its own, mapped
/// once and reused; elsewhere (Windows, where a switched-to stack would need the thread's stack
/// bounds changed as well) the calling thread hands the work to a thread with a large stack.
#[cfg(unix)]
pub use mapped::run as run_with_large_stack;
#[cfg(not(unix))]
pub use thread::run as run_with_large_stack;
