//! Where the data directory is: `--data-dir`, else `MCPGUARD_HOME`, else the XDG data home.

use std::path::PathBuf;

/// Which rule chose the data directory (shown by `mcpguard pins list` and in errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataDirSource {
    Flag,
    Env,
    Xdg,
    Home,
}

/// The data directory when no `--data-dir` was given, from an environment lookup (injectable for
/// tests): `MCPGUARD_HOME`, `$XDG_DATA_HOME/mcpguard`, `$HOME/.local/share/mcpguard`.
pub fn default_data_dir(env: impl Fn(&str) -> Option<String>) -> Option<(PathBuf, DataDirSource)> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(dir) = set("MCPGUARD_HOME") {
        return Some((PathBuf::from(dir), DataDirSource::Env));
    }
    if let Some(xdg) = set("XDG_DATA_HOME") {
        return Some((PathBuf::from(xdg).join("mcpguard"), DataDirSource::Xdg));
    }
    let home = set("HOME").or_else(|| set("USERPROFILE"))?;
    Some((
        PathBuf::from(home).join(".local/share/mcpguard"),
        DataDirSource::Home,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = env(&[
            ("MCPGUARD_HOME", "/m"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ]);
        assert_eq!(
            default_data_dir(all),
            Some((PathBuf::from("/m"), DataDirSource::Env))
        );
        let xdg = env(&[("XDG_DATA_HOME", "/x"), ("HOME", "/h")]);
        assert_eq!(
            default_data_dir(xdg),
            Some((PathBuf::from("/x/mcpguard"), DataDirSource::Xdg))
        );
        let home = env(&[("HOME", "/h"), ("MCPGUARD_HOME", "")]);
        assert_eq!(
            default_data_dir(home),
            Some((
                PathBuf::from("/h/.local/share/mcpguard"),
                DataDirSource::Home
            ))
        );
        assert_eq!(default_data_dir(env(&[])), None);
    }
}
