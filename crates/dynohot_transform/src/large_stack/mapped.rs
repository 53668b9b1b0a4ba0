//! A large stack per calling thread, mapped once (address space only: the kernel commits a page
//! when it is first touched) and reused by every call, which switches to it in place. Starting a
//! thread per call, or handing the work to a waiting thread, costs more than transforming a small
//! module: the wake-ups alone took 40% of the time over a library of 1 KB files.

use std::{cell::Cell, ptr};

use super::{transform_catching_panics, Answer, STACK_SIZE};
use crate::TransformOptions;

thread_local! {
    /// This thread's stack, mapped on first use and unmapped when the thread ends. Taken out of the
    /// cell while in use: a nested call on the same thread would map a stack of its own.
    static STACK: Cell<Option<MappedStack>> = const { Cell::new(None) };
}

/// Transforms on this thread's large stack; where none can be mapped, on the caller's stack.
pub fn run(source: &[u8], options: &TransformOptions) -> Answer {
    STACK.with(|cell| {
        let Some(stack) = cell.take().or_else(MappedStack::map) else {
            return transform_catching_panics(source, options);
        };
        // SAFETY: `transform_catching_panics` does not unwind (its panics are caught inside).
        let answer = unsafe { stack.run(|| transform_catching_panics(source, options)) };
        // A failed input may have been nested deep enough to commit a large part of the stack.
        if answer.is_err() {
            stack.release_pages();
        }
        cell.set(Some(stack));
        answer
    })
}

/// An anonymous mapping of `STACK_SIZE` bytes whose lowest page is an inaccessible guard page.
struct MappedStack {
    base: *mut libc::c_void,
    page: usize,
}

impl MappedStack {
    fn map() -> Option<MappedStack> {
        // SAFETY: reads a constant of the system.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
        // SAFETY: a fresh private anonymous mapping aliases nothing.
        let base = unsafe {
            libc::mmap(
                ptr::null_mut(),
                STACK_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANON | NO_RESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        let stack = MappedStack { base, page };
        // SAFETY: the first page of the mapping just made. The stack grows down onto it; a fault
        // there ends the process as any stack overflow does (the nesting limits keep the transform
        // far from it).
        if unsafe { libc::mprotect(base, page, libc::PROT_NONE) } != 0 {
            return None;
        }
        Some(stack)
    }

    /// Runs `callback` on this stack.
    ///
    /// # Safety
    /// `callback` must not unwind: the unwinder cannot go back across the switch of stacks.
    unsafe fn run<R>(&self, callback: impl FnOnce() -> R) -> R {
        // SAFETY: the part above the guard page is mapped read-write, page-aligned (enough for any
        // target's stack alignment) and a whole number of pages long; the caller guarantees that
        // `callback` returns normally.
        unsafe {
            psm::on_stack(
                self.base.cast::<u8>().add(self.page),
                STACK_SIZE - self.page,
                callback,
            )
        }
    }

    /// Gives the pages used back to the system; they read as zeros if touched again.
    fn release_pages(&self) {
        // SAFETY: nothing runs on this stack now, and the range lies inside its mapping.
        unsafe {
            libc::madvise(
                self.base.cast::<u8>().add(self.page).cast(),
                STACK_SIZE - self.page,
                libc::MADV_DONTNEED,
            );
        }
    }
}

impl Drop for MappedStack {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `map`, not in use (the cell holds it only between calls).
        unsafe {
            libc::munmap(self.base, STACK_SIZE);
        }
    }
}

/// Linux would otherwise count the whole mapping against the commit limit; macOS never does.
#[cfg(any(target_os = "linux", target_os = "android"))]
const NO_RESERVE: libc::c_int = libc::MAP_NORESERVE;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const NO_RESERVE: libc::c_int = 0;
