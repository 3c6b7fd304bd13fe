-- Dossiers (hồ sơ): the stored facts of each dossier plus a projection of its status. The truth of the
-- status is the append-only action log (dossier_actions); the projection columns are rewritten in the same
-- transaction as each action. Every dossier-related table carries province_code so data can be
-- distributed by province.
CREATE TABLE dossiers (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                  text NOT NULL UNIQUE,
  province_code         text NOT NULL,
  -- Center that received the dossier; the result is returned there.
  receiving_unit_code   text NOT NULL,
  -- Unit that decides (follows forwarding between commune and province).
  competent_unit_code   text NOT NULL,
  procedure_version_id  uuid REFERENCES procedure_versions (id),
  procedure_code        text NOT NULL,
  procedure_name        text NOT NULL,
  field_code            text,
  field_name            text,
  channel               text NOT NULL CHECK (channel IN ('in_person', 'online', 'postal')),
  applicant_type        text NOT NULL CHECK (applicant_type IN ('citizen', 'enterprise', 'state_agency', 'organisation')),
  applicant_name        text NOT NULL,
  applicant_id_number   text,
  applicant_phone       text,
  applicant_email       text,
  applicant_address     text,
  -- Person who submitted on behalf of the applicant: { fullName, idNumber, phone, relation }.
  agent                 jsonb,
  return_method         text NOT NULL CHECK (return_method IN ('counter', 'post', 'online')),
  duration_value        numeric NOT NULL,
  duration_unit         text NOT NULL CHECK (duration_unit IN ('working_days', 'working_hours', 'calendar_days', 'none')),
  fee_total             numeric NOT NULL DEFAULT 0,
  paid_online           boolean NOT NULL DEFAULT false,
  vneid_verified        boolean NOT NULL DEFAULT false,
  -- Projection of the derived state (see packages/core/src/dossiers/dossier-state.ts).
  status                text NOT NULL,
  national_status       smallint NOT NULL CHECK (national_status BETWEEN 1 AND 10),
  submitted_at          timestamptz NOT NULL,
  received_at           timestamptz,
  due_at                timestamptz,
  finished_at           timestamptz,
  current_step_order    integer,
  current_assignee_id   uuid,
  last_action_seq       integer NOT NULL DEFAULT 0,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_receiving_idx ON dossiers (receiving_unit_code, status);
CREATE INDEX dossiers_competent_idx ON dossiers (competent_unit_code, status);
CREATE INDEX dossiers_province_idx ON dossiers (province_code, status);
CREATE INDEX dossiers_assignee_idx ON dossiers (current_assignee_id) WHERE finished_at IS NULL;
CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE finished_at IS NULL;

-- The immutable action log. (dossier_id, seq) is the primary key: two concurrent appends of the same
-- position cannot both commit.
CREATE TABLE dossier_actions (
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  seq            integer NOT NULL CHECK (seq >= 1),
  province_code  text NOT NULL,
  type           text NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_name     text,
  actor_role     text NOT NULL,
  unit_code      text NOT NULL,
  note           text,
  -- The action's own fields (due dates, items, reasons...), dates as ISO strings.
  data           jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (dossier_id, seq)
);
CREATE INDEX dossier_actions_actor_idx ON dossier_actions (actor_user_id, at);

CREATE FUNCTION dossier_actions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_actions is append-only';
END $$;
CREATE TRIGGER dossier_actions_no_update BEFORE UPDATE OR DELETE ON dossier_actions
  FOR EACH ROW EXECUTE FUNCTION dossier_actions_immutable();

-- Completeness checklist: one row per component of the procedure version.
CREATE TABLE dossier_components (
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  key            text NOT NULL,
  province_code  text NOT NULL,
  position       integer NOT NULL,
  name           text NOT NULL,
  state          text NOT NULL CHECK (state IN ('present', 'missing', 'invalid')),
  reason         text,
  copies         integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dossier_id, key)
);

-- Daily sequence of dossier codes per handling agency. INSERT … ON CONFLICT DO UPDATE … RETURNING takes a
-- row lock, so concurrent receipts get distinct numbers.
CREATE TABLE dossier_code_sequences (
  scope       text NOT NULL,
  day         date NOT NULL,
  last_value  integer NOT NULL,
  PRIMARY KEY (scope, day)
);

-- Consultations of other agencies (liên thông) with their own deadline.
CREATE TABLE dossier_consultations (
  id             uuid PRIMARY KEY,
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  province_code  text NOT NULL,
  agency         text NOT NULL,
  question       text NOT NULL,
  requested_at   timestamptz NOT NULL,
  due_at         timestamptz,
  answer         text,
  answered_at    timestamptz
);
CREATE INDEX dossier_consultations_dossier_idx ON dossier_consultations (dossier_id);

-- Applicant's rating, once per dossier: 5-level satisfaction plus per-dossier criteria.
CREATE TABLE dossier_ratings (
  dossier_id     uuid PRIMARY KEY REFERENCES dossiers (id),
  province_code  text NOT NULL,
  level          smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  criteria       jsonb NOT NULL DEFAULT '{}'::jsonb,
  comment        text,
  rated_at       timestamptz NOT NULL
);

-- File contents stored once, addressed by their sha256; type and size checked from the bytes.
CREATE TABLE stored_files (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes  integer NOT NULL CHECK (size_bytes > 0),
  media_type  text NOT NULL,
  content     bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Files attached to a dossier: scanned components and digitized results.
CREATE TABLE dossier_attachments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  province_code  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('component', 'result')),
  component_key  text,
  file_name      text NOT NULL,
  sha256         text NOT NULL REFERENCES stored_files (sha256),
  uploaded_by    uuid,
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_attachments_dossier_idx ON dossier_attachments (dossier_id);
