-- The twinning procedure as the 2024 law is practised: the council approves the draft by a
-- decision citing the ministry's order, a new step ('council') between the ministry's
-- approval and the signing. Every other step keeps its code and its facts as they were; the
-- new facts (plans, the ministry's earlier rounds, document details, the register's type,
-- sphere and term) live in the same JSON and start empty.

-- Partnerships signed before the step existed keep their place: their council step is
-- recorded as done with a marker instead of invented facts, so a signed or registered
-- partnership does not go back a step. The marker goes when someone records the decision.
INSERT INTO partnership_steps (partnership_id, step, data, done, revision, updated_by, updated_at)
SELECT partnership_id, 'council', '{"before_step_existed": true}', 1, 1, NULL, updated_at
FROM partnership_steps WHERE step = 'signing' AND done = 1
ON CONFLICT (partnership_id, step) DO NOTHING;

-- Partnerships that were waiting to sign now wait for the council's approval first.
UPDATE partnerships SET step = 'council'
WHERE step = 'signing' AND NOT EXISTS (
    SELECT 1 FROM partnership_steps s
    WHERE s.partnership_id = partnerships.id AND s.step = 'council' AND s.done = 1
);

-- What a community's documents carry besides a partnership's facts: its official name, the
-- signatory, the executor and the contact details of the letterhead (JSON, like the steps).
CREATE TABLE community_requisites (
    community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
    data TEXT NOT NULL DEFAULT '{}',
    updated_by INTEGER,
    updated_at TEXT NOT NULL
);
