-- 0009: the audit log is read by resource (0002's index) and by actor ("what did this manager do"); without this
-- index the second reads the whole log, which grows with every staff action and sign-in.
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, id DESC);
