-- A community named in an aid record it never gave or received rejects it: who, when, why.
-- The record then leaves that community's lists, totals and exports; its author keeps it,
-- marked. Editing the record asks the rejecting side again and clears its rejection.
CREATE TABLE aid_rejections (
    aid_id INTEGER NOT NULL REFERENCES aid(id) ON DELETE CASCADE,
    community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('recipient', 'donor')),
    rejected_by INTEGER NOT NULL,
    rejected_at TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (aid_id, community_id)
);
CREATE INDEX aid_rejections_community ON aid_rejections(community_id);

-- The side the author logged the record for: only the other side may reject it. Records
-- saved before keep the side their author confirmed at saving (the same moment as creation).
ALTER TABLE aid ADD COLUMN author_side TEXT CHECK (author_side IN ('recipient', 'donor'));
UPDATE aid SET author_side = CASE
    WHEN recipient_confirmed_by IS created_by AND recipient_confirmed_at IS created_at
        AND NOT (donor_confirmed_by IS created_by AND donor_confirmed_at IS created_at)
        THEN 'recipient'
    WHEN donor_confirmed_by IS created_by AND donor_confirmed_at IS created_at
        AND NOT (recipient_confirmed_by IS created_by AND recipient_confirmed_at IS created_at)
        THEN 'donor'
END;
