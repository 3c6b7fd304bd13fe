-- Structured e-forms (tờ khai điện tử) of a dossier (issue 17): which declarative schema (id + version, defined in
-- packages/contracts/src/eforms) and the values the applicant filled in, validated before they are stored. One per
-- dossier; kept apart from the dossier row so the dossier list never reads them.
CREATE TABLE dossier_eforms (
  dossier_id      uuid PRIMARY KEY REFERENCES dossiers (id),
  province_code   text NOT NULL,
  schema_id       text NOT NULL,
  schema_version  integer NOT NULL,
  "values"        jsonb NOT NULL,
  created_by      uuid,
  created_at      timestamptz NOT NULL
);
