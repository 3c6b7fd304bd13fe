-- Per-unit configuration of the catalog: a province (2-digit code) or a commune (5-digit code) enables
-- procedures and sets the local fee where the provincial People's Council sets it. A commune row wins over
-- its province's row.
CREATE TABLE procedure_unit_configs (
  unit_code       text NOT NULL,
  procedure_code  text NOT NULL REFERENCES procedures (code),
  enabled         boolean NOT NULL,
  local_fee_vnd   bigint CHECK (local_fee_vnd IS NULL OR local_fee_vnd >= 0),
  local_fee_note  text,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid,
  PRIMARY KEY (unit_code, procedure_code)
);
CREATE INDEX procedure_unit_configs_procedure_idx ON procedure_unit_configs (procedure_code);

-- Internal process (quy trình nội bộ) of one procedure in one unit: ordered steps with the department kind
-- or role responsible and the time of each step; the steps sum to the legal limit (checked by the domain).
CREATE TABLE procedure_internal_processes (
  unit_code       text NOT NULL,
  procedure_code  text NOT NULL REFERENCES procedures (code),
  steps           jsonb NOT NULL,
  legal_limit     jsonb,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid,
  PRIMARY KEY (unit_code, procedure_code)
);
