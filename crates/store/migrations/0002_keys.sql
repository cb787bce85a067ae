-- Keys trusted to sign capability manifests.
CREATE TABLE keys (
    id          TEXT PRIMARY KEY,        -- key id: first 16 hex chars of sha256(public key)
    public_key  TEXT NOT NULL,           -- base64 of the 32-byte Ed25519 public key
    label       TEXT NOT NULL,
    trusted_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
