-- Issue 17: a draft sent as a dossier is deleted, and a save still in flight from another tab or device must not
-- bring it back. The id of every submitted draft is kept here (with its dossier) so such a save is refused with
-- 409 DRAFT_ALREADY_SUBMITTED; the rows are purged with stale drafts after the configured number of days.
CREATE TABLE citizen_submitted_drafts (
  draft_id        uuid PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id),
  procedure_code  text NOT NULL,
  dossier_id      uuid NOT NULL REFERENCES dossiers (id),
  submitted_at    timestamptz NOT NULL
);
CREATE INDEX citizen_submitted_drafts_at_idx ON citizen_submitted_drafts (submitted_at);
-- The purge looks for drafts by their last save.
CREATE INDEX citizen_drafts_updated_idx ON citizen_drafts (updated_at);
