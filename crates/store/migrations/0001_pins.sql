-- Pins: what the user trusted for each server, and what changed since.
CREATE TABLE servers (
    name         TEXT PRIMARY KEY,
    launch       TEXT NOT NULL,          -- JSON: the launch spec that was approved
    pending      TEXT,                   -- JSON: a different launch spec seen since, not yet approved
    pending_state TEXT,                  -- 'pending' | 'rejected' | NULL
    first_seen   INTEGER NOT NULL,       -- unix seconds
    updated_at   INTEGER NOT NULL
);

CREATE TABLE pins (
    server          TEXT NOT NULL,
    kind            TEXT NOT NULL,       -- 'tool' | 'prompt' | 'resource_template' | 'instructions'
    name            TEXT NOT NULL,
    approved_hash   TEXT,                -- sha256 hex of the canonical definition the user trusts
    approved_content TEXT,               -- that canonical definition (RFC 8785 JSON)
    pending_hash    TEXT,                -- a definition seen since that is not trusted (NULL: removed)
    pending_content TEXT,
    pending_reason  TEXT,                -- 'new' | 'changed' | 'flagged' | 'removed' | NULL
    pending_state   TEXT,                -- 'pending' | 'rejected' | NULL
    pending_note    TEXT,                -- why (e.g. the detection findings)
    first_seen      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (server, kind, name)
);

-- Bumped on every change, so a running gateway can notice approvals made from another terminal.
CREATE TABLE generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO generation (id, value) VALUES (1, 0);
