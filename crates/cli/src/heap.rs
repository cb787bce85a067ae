//! How the relay's allocator hands large buffers back.
//!
//! glibc serves requests of 128 KiB and more with their own `mmap` and unmaps them on `free`, but
//! it raises that threshold to the size of each such block freed (up to 32 MiB), so that later
//! large buffers come from the heap instead. In `wrap` that means: once one large block has been
//! freed (while the detection engine is built, or after a large message), the buffers of the next
//! large messages are carved from the pumps' heaps, grown there by copying, and the space they
//! leave is kept by the process, not returned. Setting the threshold explicitly (to glibc's own
//! starting value) turns the adjustment off: large buffers keep their own mappings and go back to
//! the system when freed. Costs one `mmap`/`munmap` pair per large buffer.
//! Measured in `mcp-bench`: peak RSS -0.1 to -0.3 MB, latency unchanged (docs/benchmarks.md).

/// Fixes the threshold at glibc's default starting value; call before the relay threads start.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(crate) fn keep_large_buffers_mapped() {
    // SAFETY: mallopt only changes allocator parameters; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Other allocators decide for themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn keep_large_buffers_mapped() {}
