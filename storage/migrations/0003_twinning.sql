-- The twinning guide: the facts of each workflow step of a partnership, and their history.

-- One row per step that has been started: its facts as JSON (dates as ISO strings), whether
-- it is complete, and a revision that makes concurrent edits compare-and-set.
CREATE TABLE partnership_steps (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    done INTEGER NOT NULL DEFAULT 0,
    revision INTEGER NOT NULL DEFAULT 1,
    updated_by INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (partnership_id, step)
);

-- Every change of a fact: who made it, when, the value before and after (JSON).
CREATE TABLE partnership_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    step TEXT NOT NULL,                   -- a step, or 'status' for pausing and ending
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_by INTEGER,
    changed_at TEXT NOT NULL
);
CREATE INDEX partnership_history_partnership ON partnership_history(partnership_id, id);
