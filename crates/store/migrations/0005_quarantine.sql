-- Results, resource contents and prompt messages the gate withheld from the client, kept for a
-- person to review (`mcpguard quarantine`). The id is the gate's: the first 16 hex digits of
-- sha256(server "\n" result JSON), so the same content from the same server is one row.
CREATE TABLE quarantine (
    id          TEXT NOT NULL,
    server      TEXT NOT NULL,
    session     TEXT NOT NULL,           -- the session that first saw it
    method      TEXT NOT NULL,           -- 'tools/call' | 'resources/read' | 'prompts/get'
    tool        TEXT,                    -- tool name, resource URI or prompt name
    content     TEXT NOT NULL,           -- the original result, JSON text
    findings    TEXT NOT NULL,           -- JSON array of {"rule", "severity"}
    reason      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,        -- unix seconds, first seen
    status      TEXT NOT NULL DEFAULT 'held',  -- 'held' | 'released'
    released_at INTEGER,
    released_by TEXT,
    hits        INTEGER NOT NULL DEFAULT 1,    -- how many times this content was quarantined
    PRIMARY KEY (server, id)
);
CREATE INDEX quarantine_created ON quarantine (created_at DESC);
CREATE INDEX quarantine_id ON quarantine (id);
