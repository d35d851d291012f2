-- When an introduction first reached someone who can answer for the community asked.
-- An introduction to a community nobody represents (or whose people all left the bot)
-- waits with delivered_at NULL until someone is approved or invited there.
ALTER TABLE introductions ADD COLUMN delivered_at TEXT;

-- Introductions made before this column existed count as delivered when the community
-- asked had someone active then, or the post's owner was active.
UPDATE introductions SET delivered_at = created_at
WHERE EXISTS (
    SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.community_id = introductions.to_community_id AND m.status = 'approved'
      AND u.active = 1 AND u.id != introductions.from_user_id
) OR EXISTS (
    SELECT 1 FROM posts p JOIN users u ON u.id = p.owner_id
    WHERE p.id = introductions.post_id AND u.active = 1 AND u.id != introductions.from_user_id
);
CREATE INDEX introductions_undelivered ON introductions(to_community_id) WHERE delivered_at IS NULL;
