-- Partner offers and community needs, their full-text index, introductions between the two
-- sides, match notices with a daily digest, and each user's notice preference.
--
-- Offers and needs share one table: they are searched, shown, paused, renewed, closed,
-- imported and introduced the same way. Columns that belong to one side stay NULL on the
-- other. Sector and kind codes are stored space-separated with a space on each end
-- (' heating energy '), so a code is found with instr() and never matches inside another.

CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    side TEXT NOT NULL CHECK (side IN ('offer', 'need')),
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    owner_id INTEGER,                     -- who posted it; NULL for imported rows
    sectors TEXT NOT NULL DEFAULT ' ',
    kinds TEXT NOT NULL DEFAULT ' ',
    description TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT ' ',  -- offers: languages the partner's staff speak
    open_to_several INTEGER,              -- offers: may several communities take it up
    urgency TEXT CHECK (urgency IN ('urgent', 'months', 'later')),  -- needs
    value_amount TEXT,                    -- needs: estimated value, a decimal as text
    value_currency TEXT,
    partnership INTEGER,                  -- needs: 1 a partnership is sought, 0 one-off help
    valid_until TEXT,                     -- last day it shows (YYYY-MM-DD); NULL: no end
    duration_days INTEGER,                -- how long it stands, reused when renewed
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
    ref TEXT UNIQUE,                      -- an importer's row key: re-importing updates
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    fresh_at TEXT NOT NULL                -- posted or last renewed: ranking freshness
);
CREATE INDEX posts_community ON posts(community_id, side, status);
CREATE INDEX posts_side ON posts(side, status, fresh_at);

-- The search index, one row per post (rowid = posts.id), written by the repository because
-- the folded forms are computed in Python (case, diacritics and Ukrainian transliteration).
-- body: the description and the municipality, as written and folded; tags: one token per
-- sector and kind ('sectorheating', 'kindequipment'). Typed words that name a sector or a
-- kind in any language are expanded to its tag when the query is built, so the names and
-- keywords need not be repeated in every row. The prefix lengths let a typed word of any
-- length be looked up as a prefix without scanning the vocabulary.
CREATE VIRTUAL TABLE post_search USING fts5(
    body, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 6 8 10'
);

CREATE TABLE introductions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    from_user_id INTEGER NOT NULL,
    from_community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    to_community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
    decided_by INTEGER,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (post_id, from_community_id)
);
CREATE INDEX introductions_to ON introductions(to_community_id, status);

-- A match between an offer and a need, told once to each person concerned.
CREATE TABLE match_notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    offer_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    need_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (user_id, offer_id, need_id)
);
CREATE INDEX match_notices_pending ON match_notices(sent_at, user_id);

CREATE TABLE notice_prefs (
    user_id INTEGER PRIMARY KEY,
    matches INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- One row per user and local day a digest went out: the primary key is the daily cap.
CREATE TABLE digest_log (
    user_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    items INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
);
