-- Append-only audit trail of every state change, written in the same transaction as the change.
CREATE TABLE audit_events (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  actor_user_id  uuid,
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  -- Province of the entity: every dossier-related table carries it so data can be distributed by province.
  province_code  text,
  unit_code      text,
  request_id     text,
  data           jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

CREATE FUNCTION audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_immutable();

-- Transactional outbox: messages for external systems (national portal), delivered exactly once.
CREATE TABLE outbox_messages (
  id               bigserial PRIMARY KEY,
  province_code    text NOT NULL,
  topic            text NOT NULL,
  aggregate_type   text NOT NULL,
  aggregate_id     text NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  last_error       text
);
CREATE INDEX outbox_pending_idx ON outbox_messages (next_attempt_at) WHERE delivered_at IS NULL;
