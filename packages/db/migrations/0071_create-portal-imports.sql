-- Online dossiers imported from the national public service portal (issue 12, inbound).
-- The portal's own dossier code is kept on the dossier (and sent back in every status update); unique, so the
-- same portal dossier can never become two dossiers here.
ALTER TABLE dossiers ADD COLUMN portal_code text;
CREATE UNIQUE INDEX dossiers_portal_code_idx ON dossiers (portal_code) WHERE portal_code IS NOT NULL;

-- One row per portal dossier seen by the importer, written in the transaction that creates the dossier (or that
-- sends it to the review list with the reason it could not be mapped): the importer's idempotency record.
CREATE TABLE portal_imports (
  portal_code     text PRIMARY KEY,
  source_seq      bigint NOT NULL,
  state           text NOT NULL CHECK (state IN ('imported', 'needs_review')),
  reason          text,
  province_code   text,
  unit_code       text,
  procedure_code  text NOT NULL,
  dossier_id      uuid REFERENCES dossiers (id),
  -- The portal's record without file contents (names, components, flags, applicant).
  payload         jsonb NOT NULL,
  imported_at     timestamptz NOT NULL,
  resolved_at     timestamptz,
  CHECK ((state = 'imported') = (dossier_id IS NOT NULL))
);
CREATE INDEX portal_imports_unit_idx ON portal_imports (unit_code, imported_at);
CREATE INDEX portal_imports_review_idx ON portal_imports (imported_at) WHERE state = 'needs_review';

-- The importer's durable cursor per source: advanced in the same transaction as what it imported.
CREATE TABLE portal_import_cursors (
  source      text PRIMARY KEY,
  cursor      text NOT NULL,
  updated_at  timestamptz NOT NULL
);
