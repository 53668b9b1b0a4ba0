//! The binding's allocator: mimalloc, asked for blocks the cheapest way that gives the alignment.
//!
//! The `mimalloc` crate's allocator passes every request to `mi_malloc_aligned`, whose fast path
//! only covers blocks up to 1 KB: a larger block, even at the alignment of a `u64`, takes the
//! generic aligned path, which may over-allocate. Those blocks are the source, the output and the
//! token vectors, allocated once or more for every module. Every block of `mi_malloc` is aligned
//! to at least a word (8 bytes on 64-bit targets, 4 on 32-bit ones), so requests that need no
//! more go there; the rare larger alignments keep the aligned calls.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_collect, mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// The alignment of every block `mi_malloc` returns.
const WORD: usize = std::mem::size_of::<usize>();

pub struct MiMalloc;

// SAFETY: each method forwards to the mimalloc call of the same contract; a block is only ever
// freed or resized through mimalloc, which takes blocks of any alignment.
unsafe impl GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_malloc(layout.size()).cast()
        } else {
            mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_zalloc(layout.size()).cast()
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, _layout: Layout) {
        mi_free(block.cast::<c_void>());
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(block.cast::<c_void>(), new_size).cast()
        } else {
            mi_realloc_aligned(block.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

/// Sources from this size on leave enough free pages behind to be worth handing back at once.
/// mimalloc returns a free page to the system only when the same thread allocates again after a
/// delay; a transform is often the last work of its thread for a long time (the main thread between
/// two saves, a pool thread), so the syntax tree of the largest module it ever transformed would
/// stay resident for the life of the process: about 45 times the source (a 10 MB module: 440 MB).
/// Below this size what stays is a few megabytes, which the next transform reuses anyway, and a
/// collection would cost more than it gives back.
const RELEASE_AFTER_SOURCE_BYTES: usize = 256 * 1024;

/// Hands the calling thread's free pages back to the system after a transform of `source_len` bytes.
pub fn release_after_transform(source_len: usize) {
    if source_len >= RELEASE_AFTER_SOURCE_BYTES {
        // SAFETY: mi_collect only walks and releases the calling thread's own free pages.
        unsafe { mi_collect(true) };
    }
}
