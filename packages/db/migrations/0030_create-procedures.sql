-- Procedure catalog (thủ tục hành chính), keyed by national code. The full parsed record lives in
-- procedure_versions; this table carries the current summary used for listing and filtering.
CREATE TABLE procedures (
  code                  text PRIMARY KEY,
  name                  text NOT NULL,
  field                 text NOT NULL,
  agency                text NOT NULL,
  agency_name           text NOT NULL,
  levels                text[] NOT NULL,
  origin                text NOT NULL CHECK (origin IN ('crawl', 'curated')),
  online_service_level  text NOT NULL,
  time_limit            jsonb,
  current_version       integer NOT NULL,
  -- Set when the procedure is no longer in the catalog (its last version is closed, history kept).
  withdrawn_on          date,
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_field_idx ON procedures (field);
CREATE INDEX procedures_agency_idx ON procedures (agency);
CREATE INDEX procedures_name_fold_idx ON procedures USING gin (f_unaccent_fold(name) gin_trgm_ops);

-- Versions: a record changed by a new decision (or a correction) gets a new version; the previous one is
-- closed (valid_to = the day before, inclusive) and kept. Dossiers refer to procedure_versions.id.
CREATE TABLE procedure_versions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_code   text NOT NULL REFERENCES procedures (code),
  version          integer NOT NULL CHECK (version >= 1),
  valid_from       date NOT NULL,
  valid_to         date,
  decision_number  text,
  content_hash     text NOT NULL,
  record           jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procedure_code, version)
);
CREATE UNIQUE INDEX procedure_versions_open_idx ON procedure_versions (procedure_code) WHERE valid_to IS NULL;

-- One row per catalog file loaded, so start-up skips a catalog whose checksum is already in.
CREATE TABLE procedure_catalog_loads (
  checksum          text PRIMARY KEY,
  loaded_at         timestamptz NOT NULL DEFAULT now(),
  procedures        integer NOT NULL,
  versions_created  integer NOT NULL,
  withdrawn         integer NOT NULL
);
