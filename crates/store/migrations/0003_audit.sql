-- The audit log: one row per decision, a hash chain over all of them (see docs/audit.md).
-- Rows are only ever appended, inside an IMMEDIATE transaction that reads the last row, so that
-- several gateways sharing this file form one chain. The hash covers every column but `hash`.
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,     -- global, gap-free, from 1 (assigned by the store)
    v           INTEGER NOT NULL,        -- record format version
    time        TEXT NOT NULL,           -- RFC 3339 UTC, milliseconds
    session     TEXT NOT NULL,
    principal   TEXT,
    server      TEXT NOT NULL,
    direction   TEXT NOT NULL,           -- 'client' | 'server' | 'local' | …
    method      TEXT NOT NULL,
    tool        TEXT,
    request_id  TEXT,                    -- JSON-RPC id as JSON text
    args_digest TEXT,                    -- sha256 hex of the RFC 8785 arguments
    args        TEXT,                    -- JSON: the (redacted) arguments, if kept
    findings    TEXT NOT NULL,           -- JSON array of {rule, severity}
    rules       TEXT NOT NULL,           -- JSON array of rule ids
    verdict     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    latency_us  INTEGER NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
