-- A partnership joins a Ukrainian community and a foreign one; groups can be linked to it.

CREATE TABLE partnerships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    step TEXT NOT NULL DEFAULT 'areas',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
    status_reason TEXT,
    created_by INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX partnerships_community ON partnerships(community_id);
CREATE INDEX partnerships_partner ON partnerships(partner_id);

CREATE TABLE partnership_chats (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    linked_by INTEGER,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (partnership_id, chat_id)
);
CREATE INDEX partnership_chats_chat ON partnership_chats(chat_id);
