-- Invitations get an id, so an admin's list can name each one on a Revoke button, and a
-- revocation (who revoked it, when). The token's hash stays the way a link finds its row.
CREATE TABLE invites_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,      -- SHA-256 of the token; the token itself is never stored
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by INTEGER,
    used_at TEXT,
    revoked_by INTEGER,
    revoked_at TEXT
);
INSERT INTO invites_new (token_hash, community_id, created_by, created_at, expires_at, used_by,
                         used_at)
    SELECT token_hash, community_id, created_by, created_at, expires_at, used_by, used_at
    FROM invites ORDER BY created_at;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;
CREATE INDEX invites_open ON invites(community_id, used_by, revoked_at);
