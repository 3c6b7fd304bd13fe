-- Issue 16: the audit trail proves itself. Each row carries its place in one chain (chain_seq), the hash of the
-- row before it (prev_hash) and its own hash: sha256(prev_hash || canonical text of the row). A one-row head
-- holds the last position and hash; the BEFORE INSERT trigger advances it under its row lock, so concurrent
-- writers line up (READ COMMITTED re-reads the head after waiting) and the chain never forks. UPDATE, DELETE and
-- TRUNCATE of the trail are refused. `npm run audit:verify` recomputes every hash and reports the first broken link.

CREATE TABLE audit_chain_head (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq        bigint NOT NULL,
  hash       bytea NOT NULL
);
INSERT INTO audit_chain_head (seq, hash) VALUES (0, '\x0000000000000000000000000000000000000000000000000000000000000000');

ALTER TABLE audit_events
  ADD COLUMN chain_seq bigint,
  ADD COLUMN prev_hash bytea,
  ADD COLUMN row_hash  bytea;

-- The text that is hashed: a JSON array of every column in a fixed order, time in UTC with microseconds
-- (independent of the session's TimeZone), data as jsonb's normalised text.
CREATE FUNCTION audit_event_canonical(
  seq bigint, at timestamptz, actor uuid, action text, entity_type text, entity_id text,
  province_code text, unit_code text, request_id text, data jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor::text, action, entity_type,
    entity_id, province_code, unit_code, request_id, data
  )::text
$$;

CREATE FUNCTION audit_event_hash(prev bytea, canonical text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(prev || convert_to(canonical, 'UTF8'))
$$;

-- Rows written before this migration join the chain in id order.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
DO $$
DECLARE
  r record;
  s bigint := 0;
  h bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
  nh bytea;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    s := s + 1;
    nh := audit_event_hash(h, audit_event_canonical(s, r.occurred_at, r.actor_user_id, r.action, r.entity_type,
      r.entity_id, r.province_code, r.unit_code, r.request_id, r.data));
    UPDATE audit_events SET chain_seq = s, prev_hash = h, row_hash = nh WHERE id = r.id;
    h := nh;
  END LOOP;
  UPDATE audit_chain_head SET seq = s, hash = h;
END $$;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;

ALTER TABLE audit_events
  ALTER COLUMN chain_seq SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX audit_events_chain_idx ON audit_events (chain_seq);

CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
  prev bytea;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1 RETURNING seq, hash INTO s, prev;
  NEW.chain_seq := s;
  NEW.prev_hash := prev;
  NEW.row_hash := audit_event_hash(prev, audit_event_canonical(s, NEW.occurred_at, NEW.actor_user_id, NEW.action,
    NEW.entity_type, NEW.entity_id, NEW.province_code, NEW.unit_code, NEW.request_id, NEW.data));
  UPDATE audit_chain_head SET hash = NEW.row_hash;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_immutable();

CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_head cannot be deleted or truncated';
END $$;
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();
