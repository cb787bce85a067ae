//! Keeping the long-running gateway's resident set to what it uses.
//!
//! The kernel maps a file-backed page fault together with its neighbours already in the page cache
//! ("fault-around", 64 KiB), so a process that runs scattered code from a large binary ends up with
//! many megabytes of its executable counted in its RSS that it never executes. `wrap` runs for
//! hours and is one process per wrapped server: it asks for exactly the pages it touches
//! (`MADV_RANDOM` on its own executable's mappings), which costs a few more minor faults while the
//! code warms up and nothing after.

/// Turns off fault-around for the mappings of this executable. Best effort: any failure leaves
/// the default behaviour.
pub fn map_only_touched_code() {
    #[cfg(target_os = "linux")]
    {
        let Ok(exe) = std::fs::read_link("/proc/self/exe") else {
            return;
        };
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        let exe = exe.to_string_lossy();
        for line in maps.lines() {
            let mut fields = line.split_whitespace();
            let (Some(range), Some(_perms)) = (fields.next(), fields.next()) else {
                continue;
            };
            if fields.nth(3) != Some(exe.as_ref()) {
                continue;
            }
            let Some((start, end)) = range.split_once('-') else {
                continue;
            };
            let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            ) else {
                continue;
            };
            // SAFETY: madvise with MADV_RANDOM only changes the kernel's read-ahead policy for
            // this range of our own mappings; it never changes their contents or protection.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_RANDOM);
            }
        }
    }
}
