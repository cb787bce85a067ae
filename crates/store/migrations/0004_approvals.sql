-- Calls held for a human decision, and the decisions.
CREATE TABLE approvals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    server      TEXT NOT NULL,
    session     TEXT NOT NULL,
    tool        TEXT NOT NULL,
    arguments   TEXT NOT NULL,           -- JSON (as the gateway chose to record it)
    reason      TEXT NOT NULL,
    status      TEXT NOT NULL,           -- 'pending' | 'approved' | 'denied' | 'expired'
    remember    TEXT NOT NULL DEFAULT 'once',  -- 'once' | 'session'
    decided_by  TEXT,                    -- 'cli' | 'elicitation' | 'timeout'
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
CREATE INDEX approvals_pending ON approvals (status) WHERE status = 'pending';
