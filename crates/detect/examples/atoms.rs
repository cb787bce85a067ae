//! Prints the atoms found in each line of standard input, and the English gloss the engine reads
//! beside a line in another language (a debugging aid for rule development):
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
        if let Some((lang, gloss)) = engine.debug_gloss(&line) {
            println!("  gloss ({lang}): {gloss}");
        }
    }
}
