-- Front desk (issue 13): service groups of a service center, the groups each counter serves, the official at a
-- counter for a session, queue tickets from kiosk / information desk / appointment / pickup with their events, the
-- dossiers a ticket led to, appointments, and one version number per center that every queue write moves (the
-- cursor displays poll).

CREATE TABLE queue_settings (
  service_center_id  uuid PRIMARY KEY REFERENCES service_centers (id) ON DELETE CASCADE,
  unit_code          text NOT NULL,
  province_code      text NOT NULL,
  priority_rules     jsonb NOT NULL DEFAULT '[]'::jsonb,
  notices            jsonb NOT NULL DEFAULT '[]'::jsonb,
  slot_minutes       integer NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
  -- Moved by every queue write of the center, in the write's transaction: displays poll it as their cursor.
  version            bigint NOT NULL DEFAULT 0
);

CREATE TABLE queue_groups (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_center_id  uuid NOT NULL REFERENCES service_centers (id) ON DELETE CASCADE,
  unit_code          text NOT NULL,
  province_code      text NOT NULL,
  code               text NOT NULL,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('field', 'pickup', 'information')),
  field_codes        jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Tickets of the group are numbered from number_base + 1 each day (1001, 2001, …).
  number_base        integer NOT NULL CHECK (number_base >= 0),
  position           integer NOT NULL DEFAULT 0,
  is_active          boolean NOT NULL DEFAULT true,
  UNIQUE (service_center_id, code)
);

CREATE TABLE queue_counter_groups (
  counter_id  uuid NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES queue_groups (id) ON DELETE CASCADE,
  tier        integer NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 9),
  PRIMARY KEY (counter_id, group_id)
);

-- The official at a counter for a session (opened when they sit down, closed when they leave).
CREATE TABLE queue_counter_sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  counter_id   uuid NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id),
  opened_at    timestamptz NOT NULL,
  closed_at    timestamptz
);
CREATE UNIQUE INDEX queue_counter_sessions_open_key ON queue_counter_sessions (counter_id) WHERE closed_at IS NULL;

CREATE TABLE queue_sequences (
  group_id    uuid NOT NULL REFERENCES queue_groups (id) ON DELETE CASCADE,
  day         date NOT NULL,
  last_value  integer NOT NULL,
  PRIMARY KEY (group_id, day)
);

CREATE TABLE queue_appointments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token              text NOT NULL UNIQUE,
  service_center_id  uuid NOT NULL REFERENCES service_centers (id) ON DELETE CASCADE,
  province_code      text NOT NULL,
  group_id           uuid NOT NULL REFERENCES queue_groups (id),
  day                date NOT NULL,
  start_minutes      integer NOT NULL,
  end_minutes        integer NOT NULL,
  status             text NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in', 'no_show')),
  applicant_name     text NOT NULL,
  phone              text NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX queue_appointments_slot_idx ON queue_appointments (group_id, day, start_minutes) WHERE status <> 'cancelled';

CREATE TABLE queue_tickets (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  public_token          text NOT NULL UNIQUE,
  service_center_id     uuid NOT NULL REFERENCES service_centers (id) ON DELETE CASCADE,
  unit_code             text NOT NULL,
  province_code         text NOT NULL,
  group_id              uuid NOT NULL REFERENCES queue_groups (id),
  day                   date NOT NULL,
  number                integer NOT NULL,
  status                text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  source                text NOT NULL CHECK (source IN ('kiosk', 'information_desk', 'appointment', 'pickup')),
  priority_kind         text CHECK (priority_kind IN ('elderly', 'disabled', 'pregnant', 'appointment')),
  issued_at             timestamptz NOT NULL,
  issued_by             uuid REFERENCES users (id),
  precheck              jsonb,
  appointment_id        uuid REFERENCES queue_appointments (id),
  dossier_code          text,
  preferred_counter_id  uuid REFERENCES counters (id),
  counter_id            uuid REFERENCES counters (id),
  official_user_id      uuid REFERENCES users (id),
  called_at             timestamptz,
  call_count            integer NOT NULL DEFAULT 0,
  serving_started_at    timestamptz,
  finished_at           timestamptz,
  UNIQUE (group_id, day, number)
);
CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (service_center_id, day, issued_at) WHERE status = 'waiting';
CREATE INDEX queue_tickets_counter_idx ON queue_tickets (counter_id) WHERE status IN ('called', 'serving');
CREATE INDEX queue_tickets_day_idx ON queue_tickets (service_center_id, day);

-- What happened to a ticket, in order (append-only): the numbers and the display's last calls read it.
CREATE TABLE queue_ticket_events (
  id                 bigserial PRIMARY KEY,
  ticket_id          uuid NOT NULL REFERENCES queue_tickets (id) ON DELETE CASCADE,
  service_center_id  uuid NOT NULL,
  type               text NOT NULL,
  at                 timestamptz NOT NULL,
  counter_id         uuid,
  user_id            uuid,
  data               jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX queue_ticket_events_center_idx ON queue_ticket_events (service_center_id, at);
CREATE INDEX queue_ticket_events_ticket_idx ON queue_ticket_events (ticket_id, id);

CREATE FUNCTION queue_ticket_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'queue_ticket_events is append-only';
END $$;
CREATE TRIGGER queue_ticket_events_no_update BEFORE UPDATE ON queue_ticket_events
  FOR EACH ROW EXECUTE FUNCTION queue_ticket_events_immutable();

-- The dossiers a ticket led to: received while serving it, or returned to the visitor of a pickup ticket.
CREATE TABLE queue_ticket_dossiers (
  ticket_id      uuid NOT NULL REFERENCES queue_tickets (id) ON DELETE CASCADE,
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  province_code  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('received', 'pickup')),
  linked_at      timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, dossier_id, kind)
);
CREATE INDEX queue_ticket_dossiers_dossier_idx ON queue_ticket_dossiers (dossier_id);
