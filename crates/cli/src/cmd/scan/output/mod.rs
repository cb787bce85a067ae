//! The three renderings of a [`ScanReport`]: table for people, JSON for scripts, SARIF for
//! code-scanning. All of them go to stdout; progress went to stderr.

mod sarif;
mod table;

use std::io::Write;
use std::path::Path;

use super::model::ScanReport;
use super::Format;

/// Prints `report` in `format` to stdout.
pub fn print(report: &ScanReport, format: Format, cwd: &Path, home: &Path) -> anyhow::Result<()> {
    let text = render(report, format, cwd, home)?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The report as text.
pub fn render(
    report: &ScanReport,
    format: Format,
    cwd: &Path,
    home: &Path,
) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => table::render(report, &Paths { cwd, home }),
        Format::Json => serde_json::to_string_pretty(report)? + "\n",
        Format::Sarif => serde_json::to_string_pretty(&sarif::render(report, cwd))? + "\n",
    })
}

/// Shortens paths for people: relative to the current directory, or `~/…`.
pub struct Paths<'a> {
    pub cwd: &'a Path,
    pub home: &'a Path,
}

impl Paths<'_> {
    pub fn show(&self, path: &str) -> String {
        let p = Path::new(path);
        if let Ok(rel) = p.strip_prefix(self.cwd) {
            return rel.display().to_string();
        }
        if let Ok(rel) = p.strip_prefix(self.home) {
            return format!("~/{}", rel.display());
        }
        path.to_owned()
    }
}

#[cfg(test)]
mod tests;
