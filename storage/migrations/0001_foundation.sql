-- Users, groups, communities, memberships, invites, the audit trail, reminders and the
-- python-telegram-bot persistence. Timestamps are UTC ISO 8601 strings.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,               -- Telegram user id
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT,
    username TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    language_chosen INTEGER NOT NULL DEFAULT 0,
    tz TEXT NOT NULL DEFAULT 'Europe/Kyiv',
    role TEXT CHECK (role IN ('official', 'partner')),
    current_community_id INTEGER REFERENCES communities(id) ON DELETE SET NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE chats (
    id INTEGER PRIMARY KEY,               -- Telegram chat id of a group or supergroup
    type TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    tz TEXT NOT NULL DEFAULT 'Europe/Kyiv',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE communities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('ua', 'foreign')),
    name TEXT NOT NULL,                   -- Latin script
    name_uk TEXT,                         -- Ukrainian Cyrillic, when known
    country_code TEXT NOT NULL,
    region_code TEXT,                     -- ISO 3166-2 for Ukrainian oblasts
    population INTEGER,
    place_key TEXT UNIQUE,                -- gazetteer key; NULL for free-text entries
    unit_kind TEXT NOT NULL DEFAULT 'settlement',
    languages TEXT,
    needs TEXT,
    demo INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX communities_name ON communities(name);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
    via_invite INTEGER NOT NULL DEFAULT 0,
    decided_by INTEGER,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (user_id, community_id)
);
CREATE INDEX memberships_community ON memberships(community_id, status);

CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,          -- SHA-256 of the token; the token itself is never stored
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by INTEGER,
    used_at TEXT
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id INTEGER,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    action TEXT NOT NULL,
    data TEXT,                            -- JSON: the values before and after
    at TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,             -- where it is delivered: a user or a group
    owner_id INTEGER,                     -- the user who set it; NULL for workflow reminders
    community_id INTEGER REFERENCES communities(id) ON DELETE CASCADE,
    partnership_id INTEGER,
    kind TEXT NOT NULL,                   -- 'user' or a feature's kind, e.g. 'twinning.ministry'
    text TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '{}',   -- JSON for the feature that renders it
    due_at TEXT NOT NULL,                 -- UTC
    local_time TEXT,                      -- wall-clock time kept across DST for recurring ones
    tz TEXT NOT NULL DEFAULT 'Europe/Kyiv',
    recurrence TEXT,                      -- JSON rule, NULL for one-off
    automatic INTEGER NOT NULL DEFAULT 0, -- set by a workflow: respects quiet hours
    dedupe_key TEXT UNIQUE,               -- lets a workflow re-schedule without doubling
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'done', 'cancelled', 'paused')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX reminders_due ON reminders(status, due_at);
CREATE INDEX reminders_chat ON reminders(chat_id, status);

CREATE TABLE ptb_conversations (
    name TEXT NOT NULL,
    key TEXT NOT NULL,                    -- JSON array of the conversation key
    state TEXT NOT NULL,                  -- JSON
    PRIMARY KEY (name, key)
);
CREATE TABLE ptb_user_data (user_id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE ptb_chat_data (chat_id INTEGER PRIMARY KEY, data TEXT NOT NULL);
