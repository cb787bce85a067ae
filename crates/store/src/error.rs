//! Errors of the store.

/// Why the store could not answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("the store at {path} could not be opened: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the store holds an invalid value: {0}")]
    Corrupt(String),
    #[error("the store's schema version {found} is newer than this mcpguard knows ({known}): upgrade mcpguard")]
    TooNew { found: i64, known: i64 },
    #[error("{0}")]
    Refused(String),
    /// An audit row that cannot be read as a record: the file was edited by hand.
    #[error("audit record {seq} is unreadable ({detail}): the store was edited")]
    CorruptAudit { seq: i64, detail: String },
}
