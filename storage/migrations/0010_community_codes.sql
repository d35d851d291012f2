-- Ukrainian communities are the hromadas of the state codifier (KATOTTG): each carries its
-- code. Every community carries the time zone of its place; a person's or a group's time zone
-- follows their community's until they choose one in /settings.
ALTER TABLE communities ADD COLUMN katottg TEXT;
ALTER TABLE communities ADD COLUMN tz TEXT;
-- NULL: not yet matched against the codifier; 'matched'; 'unmatched' (an operator picks).
ALTER TABLE communities ADD COLUMN code_status TEXT;
CREATE INDEX communities_katottg ON communities(katottg);
CREATE INDEX communities_unmatched ON communities(id) WHERE code_status = 'unmatched';
UPDATE communities SET tz = 'Europe/Kyiv' WHERE kind = 'ua';

ALTER TABLE users ADD COLUMN tz_chosen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN tz_chosen INTEGER NOT NULL DEFAULT 0;
-- A zone other than the old default was chosen by someone: it stays.
UPDATE users SET tz_chosen = 1 WHERE tz <> 'Europe/Kyiv';
UPDATE chats SET tz_chosen = 1 WHERE tz <> 'Europe/Kyiv';
