-- A partnership one community opens is a proposal to the other side until someone there
-- accepts it: 'awaiting' the partner's answer, 'accepted', or 'declined' by the partner.
-- `proposed_by` is the community that opened it. Partnerships opened before proposals
-- existed were never asked about and stay accepted on both sides.
ALTER TABLE partnerships ADD COLUMN answer TEXT NOT NULL DEFAULT 'accepted'
    CHECK (answer IN ('awaiting', 'accepted', 'declined'));
ALTER TABLE partnerships ADD COLUMN proposed_by INTEGER;
ALTER TABLE partnerships ADD COLUMN answered_by INTEGER;
ALTER TABLE partnerships ADD COLUMN answered_at TEXT;
CREATE INDEX partnerships_awaiting ON partnerships(answer) WHERE answer = 'awaiting';
