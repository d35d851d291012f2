-- Each record keeps its donors' ids in order as text ('12,34'), written together with
-- aid_donors: totals and exports of a busy community group by it instead of looking up
-- and sorting its donors once per record.
ALTER TABLE aid ADD COLUMN donor_ids TEXT NOT NULL DEFAULT '';
UPDATE aid SET donor_ids = coalesce(
    (SELECT group_concat(community_id, ',') FROM
        (SELECT community_id FROM aid_donors d WHERE d.aid_id = aid.id ORDER BY position)),
    ''
);
