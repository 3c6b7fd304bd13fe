-- Online submissions saved server-side before they are sent (issue 17): one draft per citizen and procedure,
-- resumable from any device, deleted when the dossier is submitted, and kept until `expires_at` (renewed on each
-- save; expired drafts are no longer shown and are deleted on the owner's next visit to the list).
CREATE TABLE citizen_drafts (
  id              uuid PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id),
  procedure_code  text NOT NULL,
  data            jsonb NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  UNIQUE (user_id, procedure_code)
);

-- Uploads already attached to a draft: the content is in the file store (content-addressed, stored_files).
CREATE TABLE citizen_draft_files (
  id              uuid PRIMARY KEY,
  draft_id        uuid NOT NULL REFERENCES citizen_drafts (id) ON DELETE CASCADE,
  component_key   text NOT NULL,
  file_name       text NOT NULL,
  sha256          text NOT NULL REFERENCES stored_files (sha256),
  size_bytes      bigint NOT NULL,
  media_type      text NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX citizen_draft_files_draft_idx ON citizen_draft_files (draft_id);
