-- Issue 15 (session 6): the Decision 766 index's inputs kept per entry unit and day, so its counts read a few
-- hundred rows instead of every dossier of the scope with eight look-ups each (0.75 s for a commune's month on the
-- province preset at load ≈ 45). The predicates are those of service-index.repository.ts (`base`, `PARTS`), which
-- the contributing-dossier lists keep reading.
--
-- A dossier's inputs come from its row and six other tables (components, attachments, fees, ratings, the outbox,
-- feedback items), so they are kept in two steps: `dossier_index_facts` holds each dossier's flags (and its entry
-- unit, province and day, the aggregates' rule), and the totals per unit-day and province-day are the sums of the
-- facts rows. Every write to one of those tables that touches a dossier calls dossier_index_refresh(id) in the
-- writing transaction: it locks the dossier's row (so two transactions refreshing one dossier take turns and the
-- second recomputes from what the first committed), recomputes the flags from the sources, and when they changed
-- takes the old row's contribution away and adds the new one's (sharded UPSERT increments, as 0160). The recount
-- rebuilds the facts by id range and the totals from the facts.

CREATE TABLE dossier_index_facts (
  dossier_id       uuid PRIMARY KEY,
  province_code    text NOT NULL,
  unit_code        text NOT NULL,
  day              date NOT NULL,
  synced           boolean NOT NULL,
  reused           boolean NOT NULL,
  from_store       boolean NOT NULL,
  online           boolean NOT NULL,
  fee_bearing      boolean NOT NULL,
  paid_online      boolean NOT NULL,
  with_result      boolean NOT NULL,
  with_result_file boolean NOT NULL,
  digitized        boolean NOT NULL,
  vneid_verified   boolean NOT NULL,
  complained       boolean NOT NULL
);

CREATE TABLE dossier_index_unit_day_totals (
  province_code    text NOT NULL,
  unit_code        text NOT NULL,
  day              date NOT NULL,
  shard            smallint NOT NULL,
  received         integer NOT NULL DEFAULT 0,
  synced           integer NOT NULL DEFAULT 0,
  reused           integer NOT NULL DEFAULT 0,
  from_store       integer NOT NULL DEFAULT 0,
  online           integer NOT NULL DEFAULT 0,
  fee_bearing      integer NOT NULL DEFAULT 0,
  paid_online      integer NOT NULL DEFAULT 0,
  with_result      integer NOT NULL DEFAULT 0,
  with_result_file integer NOT NULL DEFAULT 0,
  digitized        integer NOT NULL DEFAULT 0,
  vneid_verified   integer NOT NULL DEFAULT 0,
  complained       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, day, province_code, shard)
);
CREATE TABLE dossier_index_province_day_totals (LIKE dossier_index_unit_day_totals INCLUDING DEFAULTS);
ALTER TABLE dossier_index_province_day_totals DROP COLUMN unit_code;
ALTER TABLE dossier_index_province_day_totals ADD PRIMARY KEY (province_code, day, shard);
CREATE INDEX dossier_index_province_day_totals_day_idx ON dossier_index_province_day_totals (day);
ALTER TABLE dossier_index_unit_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_index_province_day_totals SET (parallel_workers = 0);

-- The outbox's messages of one dossier (1.4 synced), delivered or not: only a pending index existed.
CREATE INDEX outbox_messages_dossier_idx ON outbox_messages (aggregate_id) WHERE aggregate_type = 'dossier';

-- The flags of every dossier that has an entry: base()'s expressions (a view, so a read of one dossier or an id range
-- is planned with its condition on the dossiers' key).
CREATE VIEW dossier_index_facts_now AS
  SELECT d.id AS dossier_id, d.entry_province_code AS province_code, d.entry_unit_code AS unit_code,
    dossier_vn_day(d.entry_at) AS day,
    coalesce(s.delivered > 0 AND s.undelivered = 0, false) AS synced,
    exists (SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.reused) AS reused,
    exists (SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.from_citizen_store) AS from_store,
    d.channel = 'online' AS online,
    d.fee_total > 0 AS fee_bearing,
    d.fee_total > 0 AND (exists (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = d.id AND f.channel = 'online')
                         OR d.paid_online) AS paid_online,
    r.with_result,
    r.with_result AND r.result_file AS with_result_file,
    r.with_result AND r.result_file AND NOT exists (
      SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.state = 'present'
        AND NOT exists (SELECT 1 FROM dossier_attachments a
                        WHERE a.dossier_id = d.id AND a.kind = 'component' AND a.component_key = c.key)) AS digitized,
    d.vneid_verified,
    exists (SELECT 1 FROM feedback_items fi WHERE fi.dossier_code = d.code)
      OR exists (SELECT 1 FROM dossier_ratings x WHERE x.dossier_id = d.id AND x.level <= 2) AS complained
  FROM dossiers d
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE o.delivered_at IS NOT NULL) AS delivered,
           count(*) FILTER (WHERE o.delivered_at IS NULL) AS undelivered
    FROM outbox_messages o WHERE o.aggregate_type = 'dossier' AND o.aggregate_id = d.id::text
  ) s
  CROSS JOIN LATERAL (
    SELECT d.status IN ('result_ready', 'returned') AS with_result,
           exists (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = d.id AND a.kind = 'result') AS result_file
  ) r
  WHERE d.entry_at IS NOT NULL;

-- Add (sign 1) or take away (sign -1) one facts row's contribution.
CREATE FUNCTION dossier_index_apply(f dossier_index_facts, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_index_unit_day_totals AS t VALUES
    (f.province_code, f.unit_code, f.day, abs(hashtext(f.dossier_id::text)) % 2, sign, sign * f.synced::int,
     sign * f.reused::int, sign * f.from_store::int, sign * f.online::int, sign * f.fee_bearing::int,
     sign * f.paid_online::int, sign * f.with_result::int, sign * f.with_result_file::int, sign * f.digitized::int,
     sign * f.vneid_verified::int, sign * f.complained::int)
  ON CONFLICT (unit_code, day, province_code, shard) DO UPDATE SET
    received = t.received + excluded.received, synced = t.synced + excluded.synced,
    reused = t.reused + excluded.reused, from_store = t.from_store + excluded.from_store,
    online = t.online + excluded.online, fee_bearing = t.fee_bearing + excluded.fee_bearing,
    paid_online = t.paid_online + excluded.paid_online, with_result = t.with_result + excluded.with_result,
    with_result_file = t.with_result_file + excluded.with_result_file, digitized = t.digitized + excluded.digitized,
    vneid_verified = t.vneid_verified + excluded.vneid_verified, complained = t.complained + excluded.complained;
  INSERT INTO dossier_index_province_day_totals AS t VALUES
    (f.province_code, f.day, abs(hashtext(f.dossier_id::text)) % 4, sign, sign * f.synced::int,
     sign * f.reused::int, sign * f.from_store::int, sign * f.online::int, sign * f.fee_bearing::int,
     sign * f.paid_online::int, sign * f.with_result::int, sign * f.with_result_file::int, sign * f.digitized::int,
     sign * f.vneid_verified::int, sign * f.complained::int)
  ON CONFLICT (province_code, day, shard) DO UPDATE SET
    received = t.received + excluded.received, synced = t.synced + excluded.synced,
    reused = t.reused + excluded.reused, from_store = t.from_store + excluded.from_store,
    online = t.online + excluded.online, fee_bearing = t.fee_bearing + excluded.fee_bearing,
    paid_online = t.paid_online + excluded.paid_online, with_result = t.with_result + excluded.with_result,
    with_result_file = t.with_result_file + excluded.with_result_file, digitized = t.digitized + excluded.digitized,
    vneid_verified = t.vneid_verified + excluded.vneid_verified, complained = t.complained + excluded.complained;
END $$;

-- Recompute one dossier's flags under its row lock; move its contribution when they changed. `added` names a write
-- that can only turn one flag off (the receipt's own rows, mostly), so a stored row with that flag already off is
-- left as it is without recomputing: 'undelivered' (a pending outbox message: synced is off), 'plain component'
-- (a component neither reused nor from the store: only digitised can change, and only to off).
CREATE FUNCTION dossier_index_refresh(p_id uuid, added text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_f dossier_index_facts;
  new_f dossier_index_facts;
BEGIN
  IF p_id IS NULL OR coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN; END IF;
  PERFORM 1 FROM dossiers WHERE id = p_id FOR UPDATE;
  SELECT * INTO old_f FROM dossier_index_facts WHERE dossier_id = p_id;
  IF old_f.dossier_id IS NOT NULL AND ((added = 'undelivered' AND NOT old_f.synced)
                                       OR (added = 'plain component' AND NOT old_f.digitized)) THEN
    RETURN;
  END IF;
  SELECT * INTO new_f FROM dossier_index_facts_now WHERE dossier_id = p_id;
  IF old_f IS NOT DISTINCT FROM new_f THEN RETURN; END IF;
  IF old_f.dossier_id IS NOT NULL THEN
    PERFORM dossier_index_apply(old_f, -1);
    DELETE FROM dossier_index_facts WHERE dossier_id = p_id;
  END IF;
  IF new_f.dossier_id IS NOT NULL THEN
    PERFORM dossier_index_apply(new_f, 1);
    INSERT INTO dossier_index_facts SELECT new_f.*;
  END IF;
END $$;

-- The triggers: each write that can change a dossier's flags refreshes that dossier.
CREATE FUNCTION dossier_index_refresh_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'dossiers' THEN
    PERFORM dossier_index_refresh(NEW.id);
  ELSIF TG_TABLE_NAME = 'outbox_messages' THEN
    IF TG_OP <> 'INSERT' AND OLD.aggregate_type = 'dossier' AND OLD.aggregate_id ~ '^[0-9a-f-]{36}$' THEN
      PERFORM dossier_index_refresh(OLD.aggregate_id::uuid);
    END IF;
    IF TG_OP = 'INSERT' AND NEW.aggregate_type = 'dossier' AND NEW.aggregate_id ~ '^[0-9a-f-]{36}$' THEN
      PERFORM dossier_index_refresh(NEW.aggregate_id::uuid,
                                    CASE WHEN NEW.delivered_at IS NULL THEN 'undelivered' END);
    ELSIF TG_OP = 'UPDATE' AND NEW.aggregate_type = 'dossier' AND NEW.aggregate_id ~ '^[0-9a-f-]{36}$'
       AND (NEW.aggregate_id IS DISTINCT FROM OLD.aggregate_id
            OR (NEW.delivered_at IS NULL) <> (OLD.delivered_at IS NULL)) THEN
      PERFORM dossier_index_refresh(NEW.aggregate_id::uuid);
    END IF;
  ELSIF TG_TABLE_NAME = 'feedback_items' THEN
    IF TG_OP <> 'INSERT' AND OLD.dossier_code IS NOT NULL THEN
      PERFORM dossier_index_refresh((SELECT id FROM dossiers WHERE code = OLD.dossier_code));
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.dossier_code IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.dossier_code IS DISTINCT FROM OLD.dossier_code) THEN
      PERFORM dossier_index_refresh((SELECT id FROM dossiers WHERE code = NEW.dossier_code));
    END IF;
  ELSIF TG_TABLE_NAME = 'dossier_components' AND TG_OP = 'INSERT' THEN
    PERFORM dossier_index_refresh(NEW.dossier_id,
                                  CASE WHEN NOT NEW.reused AND NOT NEW.from_citizen_store THEN 'plain component' END);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM dossier_index_refresh(OLD.dossier_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.dossier_id IS DISTINCT FROM OLD.dossier_id) THEN
      PERFORM dossier_index_refresh(NEW.dossier_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dossiers_index_insert AFTER INSERT ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER dossiers_index_update AFTER UPDATE ON dossiers
  FOR EACH ROW WHEN ((OLD.entry_at, OLD.entry_unit_code, OLD.entry_province_code, OLD.channel, OLD.fee_total,
                      OLD.paid_online, OLD.status, OLD.vneid_verified, OLD.code)
                     IS DISTINCT FROM
                     (NEW.entry_at, NEW.entry_unit_code, NEW.entry_province_code, NEW.channel, NEW.fee_total,
                      NEW.paid_online, NEW.status, NEW.vneid_verified, NEW.code))
  EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER dossier_components_index AFTER INSERT OR UPDATE OR DELETE ON dossier_components
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER dossier_attachments_index AFTER INSERT OR UPDATE OR DELETE ON dossier_attachments
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER dossier_fees_index AFTER INSERT OR UPDATE OR DELETE ON dossier_fees
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER dossier_ratings_index AFTER INSERT OR UPDATE OR DELETE ON dossier_ratings
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER outbox_messages_index AFTER INSERT OR UPDATE OR DELETE ON outbox_messages
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();
CREATE TRIGGER feedback_items_index AFTER INSERT OR UPDATE OR DELETE ON feedback_items
  FOR EACH ROW EXECUTE FUNCTION dossier_index_refresh_row();

-- Recount, facts of the dossiers with lo <= id < hi (the command's id ranges): rewritten where they differ.
CREATE FUNCTION dossier_index_recount_facts(lo uuid, hi uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  LOCK TABLE dossier_index_facts IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM dossier_index_facts WHERE dossier_id >= lo AND (hi IS NULL OR dossier_id < hi);
  INSERT INTO dossier_index_facts
    SELECT * FROM dossier_index_facts_now WHERE dossier_id >= lo AND (hi IS NULL OR dossier_id < hi);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- Recount, totals: every unit-day and province-day row from the facts (locked against writers meanwhile).
CREATE FUNCTION dossier_index_recount_totals() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  LOCK TABLE dossier_index_facts, dossier_index_unit_day_totals, dossier_index_province_day_totals
    IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM dossier_index_unit_day_totals;
  DELETE FROM dossier_index_province_day_totals;
  INSERT INTO dossier_index_unit_day_totals
    SELECT province_code, unit_code, day, abs(hashtext(dossier_id::text)) % 2, count(*), count(*) FILTER (WHERE synced),
      count(*) FILTER (WHERE reused), count(*) FILTER (WHERE from_store), count(*) FILTER (WHERE online),
      count(*) FILTER (WHERE fee_bearing), count(*) FILTER (WHERE paid_online), count(*) FILTER (WHERE with_result),
      count(*) FILTER (WHERE with_result_file), count(*) FILTER (WHERE digitized),
      count(*) FILTER (WHERE vneid_verified), count(*) FILTER (WHERE complained)
    FROM dossier_index_facts GROUP BY 1, 2, 3, 4 ORDER BY 2, 3;
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO dossier_index_province_day_totals
    SELECT province_code, day, shard, sum(received), sum(synced), sum(reused), sum(from_store), sum(online),
      sum(fee_bearing), sum(paid_online), sum(with_result), sum(with_result_file), sum(digitized), sum(vneid_verified),
      sum(complained)
    FROM (SELECT province_code, day, abs(hashtext(dossier_id::text)) % 4 AS shard, 1 AS received, synced::int,
            reused::int, from_store::int, online::int, fee_bearing::int, paid_online::int, with_result::int,
            with_result_file::int, digitized::int, vneid_verified::int, complained::int
          FROM dossier_index_facts) f
    GROUP BY 1, 2, 3 ORDER BY 1, 2;
  RETURN n;
END $$;

-- 0321's whole recount (tests, the generator), with the index's inputs after the entries.
CREATE OR REPLACE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date;
BEGIN
  PERFORM dossier_aggregates_recount_entries('00000000-0000-0000-0000-000000000000', NULL);
  FOR m IN SELECT * FROM dossier_aggregates_recount_months() LOOP
    PERFORM dossier_aggregates_recount_month(m);
  END LOOP;
  PERFORM dossier_step_durations_recount('00000000-0000-0000-0000-000000000000', NULL);
  PERFORM dossier_index_recount_facts('00000000-0000-0000-0000-000000000000', NULL);
  PERFORM dossier_index_recount_totals();
END $$;

-- The dossiers written so far.
SELECT dossier_index_recount_facts('00000000-0000-0000-0000-000000000000', NULL);
SELECT dossier_index_recount_totals();
