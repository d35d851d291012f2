-- Visits are edited and deleted like aid records: each change keeps who, what and when.
CREATE TABLE visit_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    actor_id INTEGER,
    action TEXT NOT NULL,                 -- create, edit, outcomes, delete
    changes TEXT NOT NULL DEFAULT '{}',   -- JSON {field: [before, after]}
    at TEXT NOT NULL
);
CREATE INDEX visit_history_visit ON visit_history(visit_id, id);

-- Visits logged before history was kept start theirs with their creation.
INSERT INTO visit_history (visit_id, actor_id, action, at)
SELECT id, created_by, 'create', created_at FROM visits;
