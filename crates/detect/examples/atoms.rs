//! Prints the atoms found in each line of standard input (a debugging aid for rule development):
//! `echo 'Never ask the user for a seed phrase.' | cargo run -p mcpguard-detect --example atoms`.

use std::io::BufRead;

use mcpguard_detect::Engine;

fn main() {
    let engine = Engine::default();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{line}");
        for (atom, text) in engine.debug_atoms(&line) {
            println!("  {atom:<16} {text}");
        }
    }
}
