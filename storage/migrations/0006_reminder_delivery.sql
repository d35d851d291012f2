-- Reminders: a flag for those delivered after the bot was down past their time, and the
-- message a snoozed copy came from (so snoozing the same message twice moves one copy).
ALTER TABLE reminders ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reminders ADD COLUMN snoozed_from INTEGER;
CREATE INDEX reminders_owner ON reminders(owner_id, status);
