-- Issue 15 (session 8): the dashboard's open dossiers by due time (overdue / due soon / undue / paused, by today's
-- unit) from kept totals again. The split read every open dossier of the scope at request time (0310's index): p95
-- 1,033 ms for the nation at 10× data, growing with it. 0160's per-due-day totals (dropped by 0320 as unused) come
-- back in a shape the exact split can use:
--   dossier_open_due_day_totals: open dossiers with a deadline per scope (the nation 'n', today's province 'p',
--     today's unit 'u'), due day in Vietnam time and paused clock or not. The read sums whole due days from here
--     and reads the dossiers themselves only on the boundary days: today (overdue is an instant, not a day) up to
--     the latest of the handling units' due-soon marks (core openDuePlan).
--   dossier_open_handling_totals: open dossiers whose clock runs, per today's province or unit and handling unit
--     (competent_unit_code): the units whose due-soon mark the read needs, without reading the dossiers.
--   dossiers_open_due_province_idx: the open dossiers with a deadline by today's province and due instant, so the
--     boundary days of a province or of the nation (each province in turn) are one range each; 0310's index (by
--     today's unit first) serves a commune's.
-- Both are kept in the writing transaction: dossier_open_due_apply() is called by dossier_aggregates_apply() (0320's
-- body, re-created below with the call added before its entry check: the split does not depend on the entry), and
-- a change of the handling unit alone — which dossiers_maintain_aggregates (0305) does not watch — moves the
-- handling rows through its own trigger. Sharded UPSERT increments as 0160. Bulk writers switch them off with the
-- other aggregates (motcua.aggregates_off); dossier_open_due_recount() rebuilds both from the dossiers' rows.

CREATE TABLE dossier_open_due_day_totals (
  level          char(1) NOT NULL CHECK (level IN ('n', 'p', 'u')),
  province_code  text NOT NULL,  -- '' for the nation
  unit_code      text NOT NULL,  -- today's unit (receiving_unit_code) for 'u', else ''
  due_day        date NOT NULL,
  paused         boolean NOT NULL,
  shard          smallint NOT NULL,
  open_count     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, province_code, unit_code, due_day, paused, shard)
);
-- The provinces with open dossiers due on a boundary day, whose dossiers the nation's read probes.
CREATE INDEX dossier_open_due_day_totals_day_idx ON dossier_open_due_day_totals (due_day, province_code)
  INCLUDE (paused, open_count) WHERE level = 'p';
ALTER TABLE dossier_open_due_day_totals SET (parallel_workers = 0);

CREATE INDEX dossiers_open_due_province_idx
  ON dossiers (province_code, due_at) INCLUDE (receiving_unit_code, competent_unit_code, status)
  WHERE status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') AND due_at IS NOT NULL;

CREATE TABLE dossier_open_handling_totals (
  level               char(1) NOT NULL CHECK (level IN ('p', 'u')),
  province_code       text NOT NULL,
  unit_code           text NOT NULL,  -- today's unit for 'u', else ''
  handling_unit_code  text NOT NULL,
  shard               smallint NOT NULL,
  open_count          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (level, province_code, unit_code, handling_unit_code, shard)
);
ALTER TABLE dossier_open_handling_totals SET (parallel_workers = 0);

-- The handling-unit rows of one dossier row (open, with a deadline, clock running).
CREATE FUNCTION dossier_open_handling_apply(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h integer := abs(hashtext(d.id::text));
BEGIN
  IF d.due_at IS NULL OR d.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped',
                                      'supplement_requested', 'awaiting_payment') THEN
    RETURN;
  END IF;
  INSERT INTO dossier_open_handling_totals AS t VALUES
    ('p', d.province_code, '', d.competent_unit_code, h % 2, sign),
    ('u', d.province_code, d.receiving_unit_code, d.competent_unit_code, h % 2, sign)
  ON CONFLICT (level, province_code, unit_code, handling_unit_code, shard)
    DO UPDATE SET open_count = t.open_count + excluded.open_count;
END $$;

-- Add (sign 1) or take away (sign -1) one dossier row's open-by-due-day contribution.
CREATE FUNCTION dossier_open_due_apply(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date;
  v_paused boolean;
  h integer;
BEGIN
  IF d.due_at IS NULL OR d.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') THEN
    RETURN;
  END IF;
  v_day := dossier_vn_day(d.due_at);
  v_paused := d.status IN ('supplement_requested', 'awaiting_payment');
  h := abs(hashtext(d.id::text));
  INSERT INTO dossier_open_due_day_totals AS t VALUES
    ('n', '', '', v_day, v_paused, h % 8, sign),
    ('p', d.province_code, '', v_day, v_paused, h % 4, sign),
    ('u', d.province_code, d.receiving_unit_code, v_day, v_paused, h % 2, sign)
  ON CONFLICT (level, province_code, unit_code, due_day, paused, shard)
    DO UPDATE SET open_count = t.open_count + excluded.open_count;
  PERFORM dossier_open_handling_apply(d, sign);
END $$;

-- 0320's function, with the open-by-due-day part first (it holds dossiers without an entry too).
CREATE OR REPLACE FUNCTION dossier_aggregates_apply(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fin boolean := d.status IN ('result_ready', 'returned');
  closed boolean := d.status IN ('refused', 'withdrawn', 'stopped');
  no_deadline boolean := fin AND (d.due_at IS NULL OR d.finished_at IS NULL);
  late boolean := fin AND NOT no_deadline AND d.finished_at > d.due_at;
  early boolean := fin AND NOT no_deadline AND NOT late AND d.due_at - d.finished_at >= interval '24 hours';
  on_time boolean := fin AND NOT no_deadline AND NOT late AND NOT early;
  processed boolean := fin AND d.finished_at IS NOT NULL;
  hours double precision := CASE WHEN fin AND d.finished_at IS NOT NULL
    THEN extract(epoch FROM d.finished_at - d.entry_at) / 3600.0 ELSE 0 END;
  v_day date;
  shard_e smallint;
  shard_p smallint;
  v_received integer := sign;
  v_progress integer := sign * (NOT fin AND NOT closed)::int;
  v_early integer := sign * early::int;
  v_on_time integer := sign * on_time::int;
  v_late integer := sign * late::int;
  v_nodl integer := sign * no_deadline::int;
  v_refused integer := sign * (d.status = 'refused')::int;
  v_withdrawn integer := sign * (d.status = 'withdrawn')::int;
  v_stopped integer := sign * (d.status = 'stopped')::int;
  v_supp integer := sign * d.supplement_count;
  v_supp_d integer := sign * (d.supplement_count > 0)::int;
  v_rsum integer := sign * coalesce(d.rating_level, 0);
  v_rcount integer := sign * (d.rating_level IS NOT NULL)::int;
  v_hours double precision := sign * hours;
  v_processed integer := sign * processed::int;
BEGIN
  PERFORM dossier_open_due_apply(d, sign);
  IF d.entry_at IS NULL THEN RETURN; END IF;
  v_day := dossier_vn_day(d.entry_at);
  shard_e := abs(hashtext(d.id::text)) % 2;
  shard_p := abs(hashtext(d.id::text)) % 4;
  INSERT INTO dossier_unit_day_totals AS t VALUES
    ('e', d.entry_province_code, d.entry_unit_code, v_day, d.channel, shard_e, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed),
    ('c', d.province_code, d.receiving_unit_code, v_day, d.channel, shard_e, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed)
  ON CONFLICT (perspective, province_code, unit_code, day, channel, shard) DO UPDATE SET
    received = t.received + excluded.received, in_progress = t.in_progress + excluded.in_progress,
    finished_early = t.finished_early + excluded.finished_early,
    finished_on_time = t.finished_on_time + excluded.finished_on_time,
    finished_late = t.finished_late + excluded.finished_late,
    finished_no_deadline = t.finished_no_deadline + excluded.finished_no_deadline,
    refused = t.refused + excluded.refused, withdrawn = t.withdrawn + excluded.withdrawn,
    stopped = t.stopped + excluded.stopped, supplement_requests = t.supplement_requests + excluded.supplement_requests,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    rating_sum = t.rating_sum + excluded.rating_sum, rating_count = t.rating_count + excluded.rating_count,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count;
  INSERT INTO dossier_province_day_totals AS t VALUES
    ('e', d.entry_province_code, v_day, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed),
    ('c', d.province_code, v_day, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed)
  ON CONFLICT (perspective, province_code, day, channel, shard) DO UPDATE SET
    received = t.received + excluded.received, in_progress = t.in_progress + excluded.in_progress,
    finished_early = t.finished_early + excluded.finished_early,
    finished_on_time = t.finished_on_time + excluded.finished_on_time,
    finished_late = t.finished_late + excluded.finished_late,
    finished_no_deadline = t.finished_no_deadline + excluded.finished_no_deadline,
    refused = t.refused + excluded.refused, withdrawn = t.withdrawn + excluded.withdrawn,
    stopped = t.stopped + excluded.stopped, supplement_requests = t.supplement_requests + excluded.supplement_requests,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    rating_sum = t.rating_sum + excluded.rating_sum, rating_count = t.rating_count + excluded.rating_count,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count;
  INSERT INTO dossier_procedure_day_totals AS t VALUES
    (d.entry_province_code, d.entry_unit_code, v_day, d.procedure_code, v_received, v_late, v_refused, v_supp_d,
     v_hours, v_processed,
     sign * CASE WHEN processed AND d.duration_unit = 'working_days' THEN d.duration_value::double precision ELSE 0 END,
     sign * (processed AND d.duration_unit = 'working_days')::int)
  ON CONFLICT (province_code, unit_code, day, procedure_code) DO UPDATE SET
    received = t.received + excluded.received, finished_late = t.finished_late + excluded.finished_late,
    refused = t.refused + excluded.refused,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count,
    limit_days_sum = t.limit_days_sum + excluded.limit_days_sum, limit_count = t.limit_count + excluded.limit_count;
END $$;

-- The handling unit moved alone (re-homing moves receiving_unit_code and competent_unit_code by separate statements;
-- a province department's dossiers move without their commune). When one of the columns dossiers_maintain_aggregates
-- watches changed too, that trigger has re-applied the whole row (the list below is 0305's, keep them in step).
CREATE FUNCTION dossiers_maintain_open_handling() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF (OLD.status, OLD.due_at, OLD.finished_at, OLD.entry_at, OLD.entry_unit_code, OLD.entry_province_code,
      OLD.receiving_unit_code, OLD.province_code, OLD.channel, OLD.procedure_code, OLD.supplement_count,
      OLD.rating_level, OLD.duration_value, OLD.duration_unit)
     IS DISTINCT FROM
     (NEW.status, NEW.due_at, NEW.finished_at, NEW.entry_at, NEW.entry_unit_code, NEW.entry_province_code,
      NEW.receiving_unit_code, NEW.province_code, NEW.channel, NEW.procedure_code, NEW.supplement_count,
      NEW.rating_level, NEW.duration_value, NEW.duration_unit) THEN
    RETURN NULL;
  END IF;
  PERFORM dossier_open_handling_apply(OLD, -1);
  PERFORM dossier_open_handling_apply(NEW, 1);
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_open_handling AFTER UPDATE OF competent_unit_code ON dossiers
  FOR EACH ROW WHEN (OLD.competent_unit_code IS DISTINCT FROM NEW.competent_unit_code)
  EXECUTE FUNCTION dossiers_maintain_open_handling();

-- Rebuild both from the dossiers' rows (the recount's step after the entries), under a lock that lets readers read
-- and makes writers wait (a write then applies its delta to the rebuilt rows). Returns the number of day rows.
CREATE FUNCTION dossier_open_due_recount() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  rows_n integer;
BEGIN
  LOCK TABLE dossier_open_due_day_totals, dossier_open_handling_totals IN EXCLUSIVE MODE;
  DELETE FROM dossier_open_due_day_totals;
  DELETE FROM dossier_open_handling_totals;
  CREATE TEMP TABLE dossier_open_contrib ON COMMIT DROP AS
    SELECT province_code, receiving_unit_code, competent_unit_code, dossier_vn_day(due_at) AS due_day,
      status IN ('supplement_requested', 'awaiting_payment') AS paused, abs(hashtext(id::text)) AS h
    FROM dossiers
    WHERE status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') AND due_at IS NOT NULL;
  INSERT INTO dossier_open_due_day_totals (level, province_code, unit_code, due_day, paused, shard, open_count)
  SELECT l.level, l.province_code, l.unit_code, c.due_day, c.paused, l.shard, count(*)::int
  FROM dossier_open_contrib c
  CROSS JOIN LATERAL (VALUES ('n', '', '', (c.h % 8)::smallint), ('p', c.province_code, '', (c.h % 4)::smallint),
                             ('u', c.province_code, c.receiving_unit_code, (c.h % 2)::smallint))
    l(level, province_code, unit_code, shard)
  GROUP BY 1, 2, 3, 4, 5, 6;
  GET DIAGNOSTICS rows_n = ROW_COUNT;
  INSERT INTO dossier_open_handling_totals (level, province_code, unit_code, handling_unit_code, shard, open_count)
  SELECT l.level, c.province_code, l.unit_code, c.competent_unit_code, l.shard, count(*)::int
  FROM dossier_open_contrib c
  CROSS JOIN LATERAL (VALUES ('p', '', (c.h % 2)::smallint), ('u', c.receiving_unit_code, (c.h % 2)::smallint))
    l(level, unit_code, shard)
  WHERE NOT c.paused
  GROUP BY 1, 2, 3, 4, 5;
  DROP TABLE dossier_open_contrib;
  RETURN rows_n;
END $$;

SELECT dossier_open_due_recount();
