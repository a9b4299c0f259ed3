-- Hash-chained audit log (issue 12): each entry stores the SHA-256 of the entry before it and its
-- own hash over its content and that previous hash, so a row changed or removed behind the
-- append-only trigger's back (by a superuser who disabled it) breaks the chain at that row.
-- Entries written before this migration have no hashes; the chain starts at the first hashed one.
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
