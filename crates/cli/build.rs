//! Links `mcpguard` with packed relative relocations (`-z pack-relative-relocs`, DT_RELR) where
//! the toolchain and the C library support them.
//!
//! Why: a position-independent Rust binary carries one 24-byte relocation record per pointer in
//! its read-only data (vtables, string tables): ~700 KiB for `mcpguard`, all of it read by the
//! dynamic loader at every start and kept resident, a third of what `mcpguard wrap` holds over
//! its 20 MB goal. DT_RELR encodes the same relocations as bitmaps (~9 KiB). The binary stays
//! position-independent (ASLR unchanged).
//!
//! Needs GNU ld >= 2.38, lld or mold, and glibc >= 2.36 at run time. The build therefore links
//! and starts a tiny probe program with the flag first; if either fails, or when cross-compiling
//! (the probe could not run), `mcpguard` is linked as before. `MCPGUARD_NO_RELR=1` turns it off.

use std::env;
use std::path::PathBuf;
use std::process::Command;

const FLAG: &str = "-Wl,-z,pack-relative-relocs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MCPGUARD_NO_RELR");
    println!("cargo:rerun-if-env-changed=CC");
    if env::var_os("MCPGUARD_NO_RELR").is_some() {
        return;
    }
    let target = env::var("TARGET").unwrap_or_default();
    let native = env::var("HOST").is_ok_and(|host| host == target);
    if !native || !target.ends_with("-linux-gnu") {
        return;
    }
    if probe() {
        println!("cargo:rustc-link-arg-bins={FLAG}");
    }
}

/// Links and runs an empty C program with the flag: does the toolchain accept it, and does this
/// machine's loader run the result?
fn probe() -> bool {
    let Some(out_dir) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        return false;
    };
    let source = out_dir.join("relr_probe.c");
    let program = out_dir.join("relr_probe");
    if std::fs::write(&source, "int main(void) { return 0; }\n").is_err() {
        return false;
    }
    // rustc links through `cc` on Linux unless told otherwise; probe the same driver
    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let linked = Command::new(cc)
        .args(["-pie", "-fPIE", FLAG, "-o"])
        .arg(&program)
        .arg(&source)
        .output()
        .is_ok_and(|o| o.status.success());
    if !linked {
        return false;
    }
    Command::new(&program).status().is_ok_and(|s| s.success())
}
