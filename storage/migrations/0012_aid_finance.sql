-- A record holds the items of a shipment: name, quantity and unit, unit price or value, in
-- the record's currency. The record's own description, quantity, unit and value stay the
-- sums of its items, written together with them (as donor_ids is), so lists, totals and
-- charts read one row per record. A record saved before items becomes one item.
CREATE TABLE aid_items (
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    quantity TEXT,                        -- decimal as text
    unit TEXT,                            -- bot.parsing.amounts.UNITS
    unit_price_minor INTEGER CHECK (unit_price_minor IS NULL OR unit_price_minor > 0),
    value_minor INTEGER CHECK (value_minor IS NULL OR value_minor > 0),
    PRIMARY KEY (aid_id, position)
);
INSERT INTO aid_items (aid_id, position, name, quantity, unit, value_minor)
    SELECT id, 0, description, quantity, unit, value_minor FROM aid;

-- 'day', or 'month' for a date given as a month ("березень 2022"): aid_date is then the
-- first day of that month, and it is shown as the month.
ALTER TABLE aid ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day';
ALTER TABLE aid ADD COLUMN value_approximate INTEGER NOT NULL DEFAULT 0;
-- The declaration number where the aid was imported as humanitarian aid, what it is for,
-- and how many people it reaches.
ALTER TABLE aid ADD COLUMN declaration TEXT;
ALTER TABLE aid ADD COLUMN intended_use TEXT;
ALTER TABLE aid ADD COLUMN people_reached INTEGER CHECK (people_reached IS NULL OR people_reached > 0);
-- The handover act's details as last drawn up (JSON), offered again the next time.
ALTER TABLE aid ADD COLUMN act TEXT;

-- Each community numbers the records it takes part in from 1, whichever side it is on; a
-- number is never given again, also after a deletion.
CREATE TABLE aid_numbers (
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    PRIMARY KEY (aid_id, community_id),
    UNIQUE (community_id, number)
);
INSERT INTO aid_numbers (aid_id, community_id, number)
    SELECT aid_id, community_id,
        row_number() OVER (PARTITION BY community_id ORDER BY aid_id)
    FROM (
        SELECT id AS aid_id, recipient_id AS community_id FROM aid
        UNION SELECT aid_id, community_id FROM aid_donors
    );

-- Who was asked to confirm a record for a side, and the message that asked: each person is
-- asked once, and a confirmation from one message updates the others.
CREATE TABLE aid_requests (
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('recipient', 'donor')),
    user_id INTEGER NOT NULL,
    chat_id INTEGER,
    message_id INTEGER,                   -- NULL when the message could not be delivered
    PRIMARY KEY (aid_id, side, user_id)
);
CREATE INDEX aid_requests_user ON aid_requests(user_id);

-- A community's requisites for handover acts, kept once they are typed: its address and
-- its code (ЄДРПОУ of a Ukrainian council, a registration number abroad).
CREATE TABLE aid_act_requisites (
    community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
    address TEXT,
    code TEXT,
    updated_by INTEGER,
    updated_at TEXT NOT NULL
);
