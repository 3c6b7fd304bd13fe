-- Feedback and hotline (phản ánh, kiến nghị — PAKN), issue 14. Matters from the web form, the hotline, the
-- counter and the Open311 API; handled within the deadlines of Decision 766 (indicator 5.2), rated (5.3),
-- answered and optionally published (public page, assistant FAQ cards).

-- Rules an administrator edits: a matter of this commune / procedure field / kind goes to this unit and department.
CREATE TABLE feedback_routing_rules (
  id             bigserial PRIMARY KEY,
  province_code  text NOT NULL,
  commune_code   text,
  field          text,
  kind           text CHECK (kind IN ('question', 'complaint', 'suggestion', 'report')),
  unit_code      text NOT NULL,
  department_id  uuid REFERENCES departments (id) ON DELETE SET NULL,
  priority       integer NOT NULL DEFAULT 100,
  created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_routing_rules_province_idx ON feedback_routing_rules (province_code);

CREATE SEQUENCE feedback_code_seq;

CREATE TABLE feedback_items (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code              text NOT NULL UNIQUE,
  -- Random tracking token given to the submitter (Open311 token, rating link).
  token             text NOT NULL UNIQUE,
  kind              text NOT NULL CHECK (kind IN ('question', 'complaint', 'suggestion', 'report')),
  channel           text NOT NULL CHECK (channel IN ('web', 'hotline', 'counter', 'api')),
  title             text NOT NULL,
  content           text NOT NULL,
  field             text,
  commune_code      text,
  province_code     text NOT NULL,
  unit_code         text NOT NULL,
  department_id     uuid REFERENCES departments (id) ON DELETE SET NULL,
  dossier_code      text,
  anonymous         boolean NOT NULL DEFAULT false,
  submitter_name    text,
  submitter_phone   text,
  submitter_email   text,
  submitter_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- 'tel:0912345678', 'mail:a@b.vn': how repeated matters of one person are found.
  contact_keys      jsonb NOT NULL DEFAULT '[]'::jsonb,
  address           text,
  lat               double precision,
  long              double precision,
  counter_id        uuid REFERENCES counters (id) ON DELETE SET NULL,
  official_user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  routed_by         text NOT NULL,
  status            text NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'accepted', 'refused', 'info_requested', 'in_progress', 'answered', 'published')),
  received_at       timestamptz NOT NULL,
  -- The deadline running in the current state (null: none).
  due_at            timestamptz,
  -- Periods while information was awaited: [{ "startedAt", "endedAt" }].
  pauses            jsonb NOT NULL DEFAULT '[]'::jsonb,
  steps_on_time     boolean NOT NULL DEFAULT true,
  refusal_reason    text,
  info_request      text,
  answer_draft      text,
  answer            text,
  answered_at       timestamptz,
  publish_intended  boolean NOT NULL DEFAULT false,
  public_question   text,
  published_at      timestamptz,
  rating            text CHECK (rating IN ('satisfied', 'neutral', 'dissatisfied')),
  rating_comment    text,
  rated_at          timestamptz,
  repeat_of         uuid REFERENCES feedback_items (id) ON DELETE SET NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_items_unit_status_idx ON feedback_items (unit_code, status);
CREATE INDEX feedback_items_province_idx ON feedback_items (province_code, received_at);
CREATE INDEX feedback_items_due_idx ON feedback_items (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX feedback_items_contacts_idx ON feedback_items USING gin (contact_keys);
CREATE INDEX feedback_items_dossier_idx ON feedback_items (dossier_code) WHERE dossier_code IS NOT NULL;
CREATE INDEX feedback_items_published_idx ON feedback_items (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE feedback_events (
  id             bigserial PRIMARY KEY,
  feedback_id    uuid NOT NULL REFERENCES feedback_items (id) ON DELETE CASCADE,
  action         text NOT NULL,
  from_status    text,
  to_status      text,
  note           text,
  actor_user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  at             timestamptz NOT NULL,
  on_time        boolean
);
CREATE INDEX feedback_events_feedback_idx ON feedback_events (feedback_id, id);

CREATE TABLE feedback_photos (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  feedback_id   uuid NOT NULL REFERENCES feedback_items (id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes         bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_photos_feedback_idx ON feedback_photos (feedback_id);

-- Messages for the submitter (refusal, information request, answer) kept "to send" until the notification
-- mechanism of issue 12 delivers them (see docs/notes/issue-14.md).
CREATE TABLE feedback_messages (
  id           bigserial PRIMARY KEY,
  feedback_id  uuid NOT NULL REFERENCES feedback_items (id) ON DELETE CASCADE,
  channel      text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient    text NOT NULL,
  subject      text NOT NULL,
  body         text NOT NULL,
  status       text NOT NULL DEFAULT 'to_send' CHECK (status IN ('to_send', 'sent', 'failed')),
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz
);
CREATE INDEX feedback_messages_to_send_idx ON feedback_messages (id) WHERE status = 'to_send';

-- Open311 GeoReport v2 API keys (POST requests needs one); only the sha256 of a key is kept.
CREATE TABLE open311_api_keys (
  key_hash    text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
