-- Aid records (with their donors and edit history), visits, and operator exchange rates.
-- Money is stored as integer minor units (cents, kopiyky), quantities as decimal TEXT:
-- never as floating point, so totals add up to the kopiyka.

CREATE TABLE aid (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    partnership_id INTEGER REFERENCES partnerships(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,                   -- bot.aid.KINDS code
    sector TEXT NOT NULL,                 -- bot.sectors code
    description TEXT NOT NULL,
    quantity TEXT,                        -- decimal as text, e.g. '1.5'
    unit TEXT,                            -- bot.parsing.amounts.UNITS
    value_minor INTEGER CHECK (value_minor IS NULL OR value_minor > 0),
    currency TEXT,                        -- ISO 4217
    aid_date TEXT NOT NULL,               -- YYYY-MM-DD
    facility TEXT,
    status TEXT NOT NULL CHECK (status IN ('pledged', 'shipped', 'received')),
    files TEXT NOT NULL DEFAULT '[]',     -- JSON list of {"id": Telegram file id, "type": ...}
    recipient_confirmed_by INTEGER,
    recipient_confirmed_at TEXT,
    donor_confirmed_by INTEGER,
    donor_confirmed_at TEXT,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    client_token TEXT UNIQUE              -- one record per confirmed draft, however often pressed
);
-- Totals, timeline and export of one community read only these index entries' rows.
CREATE INDEX aid_recipient ON aid(recipient_id, deleted_at, aid_date);
CREATE INDEX aid_partnership ON aid(partnership_id, aid_date);

-- Aid often comes from several partners at once (Jena and Erlangen for one hospital).
CREATE TABLE aid_donors (
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (aid_id, community_id)
);
CREATE INDEX aid_donors_community ON aid_donors(community_id, aid_id);

CREATE TABLE aid_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    actor_id INTEGER,
    action TEXT NOT NULL,                 -- create, edit, status, confirm, delete
    changes TEXT NOT NULL DEFAULT '{}',   -- JSON {field: [before, after]}
    at TEXT NOT NULL
);
CREATE INDEX aid_history_aid ON aid_history(aid_id, id);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    partnership_id INTEGER REFERENCES partnerships(id) ON DELETE SET NULL,
    direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'online')),
    start_date TEXT NOT NULL,             -- YYYY-MM-DD
    end_date TEXT NOT NULL,
    delegation_size INTEGER CHECK (delegation_size IS NULL OR delegation_size > 0),
    leader TEXT,
    sectors TEXT NOT NULL DEFAULT '[]',   -- JSON list of bot.sectors codes
    note TEXT,
    outcomes TEXT,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    client_token TEXT UNIQUE,
    CHECK (end_date >= start_date)
);
CREATE INDEX visits_community ON visits(community_id, deleted_at, start_date);
CREATE INDEX visits_partner ON visits(partner_id, start_date);

-- Rates an operator enters; totals are never converted without one, and show its date.
CREATE TABLE exchange_rates (
    currency TEXT NOT NULL,
    base TEXT NOT NULL,                   -- what one unit of `currency` is worth in
    rate TEXT NOT NULL,                   -- decimal as text
    rate_date TEXT NOT NULL,              -- YYYY-MM-DD the rate is for
    set_by INTEGER,
    set_at TEXT NOT NULL,
    PRIMARY KEY (currency, base)
);
