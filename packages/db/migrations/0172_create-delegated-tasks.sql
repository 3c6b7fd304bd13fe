-- Issue 15 (second half): the register of tasks moved between levels by the 2025 decentralisation decrees, with
-- feasibility, imported from XLSX sheets (all or nothing, audited). Keyed by the sheet's task code.
CREATE TABLE delegated_task_imports (
  id           uuid PRIMARY KEY,
  file_name    text NOT NULL,
  row_count    integer NOT NULL,
  imported_by  uuid,
  imported_at  timestamptz NOT NULL
);

CREATE TABLE delegated_tasks (
  code          text PRIMARY KEY,
  field         text NOT NULL,
  title         text NOT NULL,
  source_level  text NOT NULL CHECK (source_level IN ('central', 'province', 'commune')),
  target_level  text NOT NULL CHECK (target_level IN ('central', 'province', 'commune')),
  legal_basis   text NOT NULL,
  ministry      text NOT NULL,
  feasibility   text NOT NULL CHECK (feasibility IN ('feasible', 'needs_guidance', 'needs_authority_adjusted')),
  notes         text,
  deadline      date,
  import_id     uuid NOT NULL REFERENCES delegated_task_imports (id),
  updated_at    timestamptz NOT NULL
);
CREATE INDEX delegated_tasks_field_idx ON delegated_tasks (field, feasibility);
