-- Files out of the database (issue 16). Attachment contents now live in the file store (DATA_DIR/files by
-- default, or an S3-compatible bucket), addressed by their sha256; `stored_files` keeps the hash, size and type.
-- `content` stays, nullable, only so existing rows can be moved out: the start-up step (and
-- `npm run files:move-out`) writes each content to the store, verifies it, and sets `content` to NULL.
ALTER TABLE stored_files ALTER COLUMN content DROP NOT NULL;

-- The rows still to move (none once the step has run): found without reading the others.
CREATE INDEX stored_files_content_pending_idx ON stored_files (sha256) WHERE content IS NOT NULL;
