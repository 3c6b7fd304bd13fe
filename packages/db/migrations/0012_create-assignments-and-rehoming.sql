-- Officials' placements (assignments) over a period, and their readiness to work online.
CREATE TABLE assignments (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id             uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_code           text NOT NULL,
  department_id       uuid REFERENCES departments(id) ON DELETE SET NULL,
  kind                text NOT NULL CHECK (kind IN ('permanent', 'transfer', 'secondment', 'concurrent')),
  -- Roles exercised in the unit during the assignment; role_grants are kept in step (assignment_grants).
  roles               jsonb NOT NULL DEFAULT '[]'::jsonb,
  title               text,
  decision_number     text,
  valid_from          date NOT NULL,
  valid_to            date,
  previous_id         uuid REFERENCES assignments(id) ON DELETE SET NULL,
  created_by          uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assignments_user_idx ON assignments (user_id, valid_from);
CREATE INDEX assignments_unit_idx ON assignments (unit_code);

-- The role grants an assignment created, so ending or moving the assignment ends or moves exactly those grants.
CREATE TABLE assignment_grants (
  assignment_id  uuid NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
  grant_id       uuid NOT NULL REFERENCES role_grants(id) ON DELETE CASCADE,
  PRIMARY KEY (assignment_id, grant_id)
);
CREATE INDEX assignment_grants_grant_idx ON assignment_grants (grant_id);

CREATE TABLE official_profiles (
  user_id                  uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  certificate_serial       text,
  certificate_valid_to     date,
  trained_fields           jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at               timestamptz NOT NULL DEFAULT now()
);

-- Re-homing registry: every table with a column that names the unit owning a record registers it here with the
-- condition that makes a record "open". When a change event is applied, open records of an old unit move to its
-- successor (strategy 'update'), or to the review list when the old unit was split. Features add rows from their
-- own migrations (the dossiers feature registers its tables). open_condition is SQL over the table's columns,
-- written by developers in migrations only; :effective_date may appear in it.
CREATE TABLE rehoming_owners (
  table_name      text NOT NULL,
  column_name     text NOT NULL,
  key_column      text NOT NULL DEFAULT 'id',
  open_condition  text NOT NULL DEFAULT 'true',
  strategy        text NOT NULL DEFAULT 'update' CHECK (strategy IN ('update', 'assignment', 'grant', 'service_center')),
  feature         text NOT NULL,
  description     text NOT NULL DEFAULT '',
  PRIMARY KEY (table_name, column_name)
);

-- Every record a change event moved (the audit of the move; statistics can report by unit at the time).
CREATE TABLE rehoming_moves (
  id           bigserial PRIMARY KEY,
  event_id     bigint NOT NULL REFERENCES admin_unit_events(id),
  table_name   text NOT NULL,
  column_name  text NOT NULL,
  row_key      text NOT NULL,
  from_code    text NOT NULL,
  to_code      text NOT NULL,
  moved_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rehoming_moves_event_idx ON rehoming_moves (event_id);

-- Records of a split unit wait here until someone chooses their new unit.
CREATE TABLE rehoming_reviews (
  id               bigserial PRIMARY KEY,
  event_id         bigint NOT NULL REFERENCES admin_unit_events(id),
  table_name       text NOT NULL,
  column_name      text NOT NULL,
  row_key          text NOT NULL,
  from_code        text NOT NULL,
  candidate_codes  jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_code    text,
  resolved_by      uuid,
  resolved_at      timestamptz
);
CREATE INDEX rehoming_reviews_open_idx ON rehoming_reviews (status, from_code);

INSERT INTO rehoming_owners (table_name, column_name, key_column, open_condition, strategy, feature, description) VALUES
  ('assignments', 'unit_code', 'id', 'valid_to IS NULL OR valid_to >= :effective_date', 'assignment', 'admin-units',
   'Officials'' assignments: ended the day before, continued in the successor from the effective date (history kept).'),
  ('role_grants', 'unit_code', 'id', '(valid_to IS NULL OR valid_to >= :effective_date)
     AND NOT EXISTS (SELECT 1 FROM assignment_grants ag WHERE ag.grant_id = role_grants.id)', 'grant', 'admin-units',
   'Jurisdictions not created by an assignment: ended the day before, re-granted in the successor.'),
  ('service_centers', 'unit_code', 'id', 'valid_to IS NULL', 'service_center', 'admin-units',
   'Service centers of an old unit become reception points of the successor.'),
  ('counters', 'unit_code', 'id', 'is_active', 'update', 'admin-units', 'Queue counters follow their center.');
