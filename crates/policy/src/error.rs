//! The one error type of the policy crate.
//!
//! Every load error names the file and, where the text has one, the line and column, then the key
//! and what is allowed — a policy that fails to load must tell the user exactly what to fix. The
//! engine itself never fails at evaluation time: anything that goes wrong while deciding becomes a
//! `deny` with a reason, not an error.

use std::path::PathBuf;

/// What can go wrong while loading and compiling policies.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// A policy file could not be read.
    #[error("{}: cannot read: {source}", file.display())]
    Read {
        /// The file.
        file: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `mcpguard.toml` is not valid: syntax, an unknown key, a wrong type or a bad value.
    #[error("{file}:{line}:{column}: {message}")]
    Toml {
        /// The file as given by the caller.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// A Cedar policy file does not parse or does not validate against the mcpguard schema.
    #[error("{file}:{line}:{column}: {message}")]
    Cedar {
        /// The file as given by the caller.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The built-in Cedar schema failed to load (a bug in mcpguard, never the user's input).
    #[error("internal: the built-in Cedar schema does not load: {0}")]
    Schema(String),
}

/// 1-based line and column of byte `offset` in `text` (clamped to the text).
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn line_col_counts_from_one() {
        let text = "a = 1\nbb = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 8), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
