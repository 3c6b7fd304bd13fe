-- Issue 16: feedback photos out of the database, into the same content-addressed file store as attachments
-- (DATA_DIR/files, or S3 in production). A photo row now names its content by sha256 in `stored_files`, like an
-- attachment. Existing photos are handed to `stored_files` with their bytes (`content`): the start-up step (and
-- `npm run files:move-out`) writes them to the store and drops the bytes, exactly as for the attachments of
-- migration 0145. On an empty database the statements change nothing.
ALTER TABLE feedback_photos ADD COLUMN sha256 text REFERENCES stored_files (sha256);

INSERT INTO stored_files (sha256, size_bytes, media_type, content)
SELECT DISTINCT ON (h.hash) h.hash, length(h.bytes), h.content_type, h.bytes
FROM (SELECT encode(sha256(bytes), 'hex') AS hash, bytes, content_type FROM feedback_photos) h
ON CONFLICT (sha256) DO NOTHING;

UPDATE feedback_photos SET sha256 = encode(sha256(bytes), 'hex');

ALTER TABLE feedback_photos ALTER COLUMN sha256 SET NOT NULL;
ALTER TABLE feedback_photos DROP COLUMN bytes;
