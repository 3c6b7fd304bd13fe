-- Monthly roll-up of the dossier aggregates (issue 15): a dashboard over a long period reads whole months from the
-- month tables and only the partial months at its ends from the day tables, so the rows a five-month read sums no
-- longer grow with the days (34 provinces × 5 months × 3 channels × 4 shards instead of × 153 days). Maintained in
-- the same place and transaction as the day tables (dossier_aggregates_apply, called by the trigger on dossiers),
-- with the same shard of the dossier, so a month row is always the sum of its day rows; the recount rebuilds them
-- from the day tables it has just rebuilt from the log.
--
-- The nation's daily series (received per day and channel) gets its own small table: received by entry day and
-- channel is the same by the unit at entry or today's unit, and summing it from the province-day table read
-- 34 × 4 rows a day. Eight shards: every write of the country on a day meets there.

CREATE TABLE dossier_unit_month_totals (LIKE dossier_unit_day_totals INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE dossier_unit_month_totals RENAME COLUMN day TO month;
ALTER TABLE dossier_unit_month_totals ADD CHECK (month = date_trunc('month', month)::date);
ALTER TABLE dossier_unit_month_totals ADD PRIMARY KEY (perspective, province_code, unit_code, month, channel, shard);

CREATE TABLE dossier_province_month_totals (LIKE dossier_province_day_totals INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE dossier_province_month_totals RENAME COLUMN day TO month;
ALTER TABLE dossier_province_month_totals ADD CHECK (month = date_trunc('month', month)::date);
ALTER TABLE dossier_province_month_totals ADD PRIMARY KEY (perspective, province_code, month, channel, shard);
CREATE INDEX dossier_province_month_totals_month_idx ON dossier_province_month_totals (perspective, month);

-- Per province (unit at entry), month and procedure: the nation's and a province's procedure table.
CREATE TABLE dossier_procedure_month_totals (
  province_code          text NOT NULL,
  month                  date NOT NULL CHECK (month = date_trunc('month', month)::date),
  procedure_code         text NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  finished_late          integer NOT NULL DEFAULT 0,
  refused                integer NOT NULL DEFAULT 0,
  supplemented_dossiers  integer NOT NULL DEFAULT 0,
  processing_hours_sum   double precision NOT NULL DEFAULT 0,
  processed_count        integer NOT NULL DEFAULT 0,
  limit_days_sum         double precision NOT NULL DEFAULT 0,
  limit_count            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, month, procedure_code)
);
CREATE INDEX dossier_procedure_month_totals_month_idx ON dossier_procedure_month_totals (month);

CREATE TABLE dossier_nation_day_totals (
  day       date NOT NULL,
  channel   text NOT NULL,
  shard     smallint NOT NULL,
  received  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, channel, shard)
);

-- The month rows follow the day rows: the same contribution, the month of the entry day.
CREATE FUNCTION dossier_aggregates_apply_months(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
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
  v_month date;
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
  IF d.entry_at IS NULL THEN RETURN; END IF;
  v_day := dossier_vn_day(d.entry_at);
  v_month := date_trunc('month', v_day)::date;
  shard_e := abs(hashtext(d.id::text)) % 2;
  shard_p := abs(hashtext(d.id::text)) % 4;
  INSERT INTO dossier_unit_month_totals AS t VALUES
    ('e', d.entry_province_code, d.entry_unit_code, v_month, d.channel, shard_e, v_received, v_progress, v_early,
     v_on_time, v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours,
     v_processed),
    ('c', d.province_code, d.receiving_unit_code, v_month, d.channel, shard_e, v_received, v_progress, v_early,
     v_on_time, v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours,
     v_processed)
  ON CONFLICT (perspective, province_code, unit_code, month, channel, shard) DO UPDATE SET
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
  INSERT INTO dossier_province_month_totals AS t VALUES
    ('e', d.entry_province_code, v_month, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed),
    ('c', d.province_code, v_month, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed)
  ON CONFLICT (perspective, province_code, month, channel, shard) DO UPDATE SET
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
  INSERT INTO dossier_procedure_month_totals AS t VALUES
    (d.entry_province_code, v_month, d.procedure_code, v_received, v_late, v_refused, v_supp_d, v_hours, v_processed,
     sign * CASE WHEN processed AND d.duration_unit = 'working_days' THEN d.duration_value::double precision ELSE 0 END,
     sign * (processed AND d.duration_unit = 'working_days')::int)
  ON CONFLICT (province_code, month, procedure_code) DO UPDATE SET
    received = t.received + excluded.received, finished_late = t.finished_late + excluded.finished_late,
    refused = t.refused + excluded.refused,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count,
    limit_days_sum = t.limit_days_sum + excluded.limit_days_sum, limit_count = t.limit_count + excluded.limit_count;
END $$;

-- The nation's received per day and channel: only when the entry day or the channel changes (or at the first
-- contribution), so the other updates of a dossier do not touch this busy table.
CREATE FUNCTION dossier_aggregates_apply_nation_day(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF d.entry_at IS NULL THEN RETURN; END IF;
  INSERT INTO dossier_nation_day_totals AS t VALUES
    (dossier_vn_day(d.entry_at), d.channel, abs(hashtext(d.id::text)) % 8, sign)
  ON CONFLICT (day, channel, shard) DO UPDATE SET received = t.received + excluded.received;
END $$;

CREATE OR REPLACE FUNCTION dossiers_maintain_aggregates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.status, OLD.due_at, OLD.finished_at, OLD.entry_at, OLD.entry_unit_code, OLD.entry_province_code,
        OLD.receiving_unit_code, OLD.province_code, OLD.channel, OLD.procedure_code, OLD.supplement_count,
        OLD.rating_level, OLD.duration_value, OLD.duration_unit)
       IS NOT DISTINCT FROM
       (NEW.status, NEW.due_at, NEW.finished_at, NEW.entry_at, NEW.entry_unit_code, NEW.entry_province_code,
        NEW.receiving_unit_code, NEW.province_code, NEW.channel, NEW.procedure_code, NEW.supplement_count,
        NEW.rating_level, NEW.duration_value, NEW.duration_unit) THEN
      RETURN NULL;
    END IF;
    PERFORM dossier_aggregates_apply(OLD, -1);
    PERFORM dossier_aggregates_apply_months(OLD, -1);
    IF (dossier_vn_day(OLD.entry_at), OLD.channel) IS DISTINCT FROM (dossier_vn_day(NEW.entry_at), NEW.channel) THEN
      PERFORM dossier_aggregates_apply_nation_day(OLD, -1);
      PERFORM dossier_aggregates_apply_nation_day(NEW, 1);
    END IF;
  ELSE
    PERFORM dossier_aggregates_apply_nation_day(NEW, 1);
  END IF;
  PERFORM dossier_aggregates_apply(NEW, 1);
  PERFORM dossier_aggregates_apply_months(NEW, 1);
  RETURN NULL;
END $$;

-- The month tables from the day tables (a GROUP BY over the aggregates only, never the dossiers).
CREATE FUNCTION dossier_aggregates_roll_up_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_unit_month_totals;
  DELETE FROM dossier_province_month_totals;
  DELETE FROM dossier_procedure_month_totals;
  INSERT INTO dossier_unit_month_totals
    SELECT perspective, province_code, unit_code, date_trunc('month', day)::date, channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_unit_day_totals GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO dossier_province_month_totals
    SELECT perspective, province_code, date_trunc('month', day)::date, channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_province_day_totals GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO dossier_procedure_month_totals
    SELECT province_code, date_trunc('month', day)::date, procedure_code, sum(received), sum(finished_late),
      sum(refused), sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum),
      sum(limit_count)
    FROM dossier_procedure_day_totals GROUP BY 1, 2, 3;
END $$;

-- The recount: the day tables from the log (0160's function, renamed), then the months from them and the nation's
-- days from the dossiers' entries.
ALTER FUNCTION dossier_aggregates_recount() RENAME TO dossier_aggregates_recount_days;

CREATE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dossier_aggregates_recount_days();
  PERFORM dossier_aggregates_roll_up_months();
  DELETE FROM dossier_nation_day_totals;
  INSERT INTO dossier_nation_day_totals
    SELECT dossier_vn_day(entry_at), channel, abs(hashtext(id::text)) % 8, count(*)
    FROM dossiers WHERE entry_at IS NOT NULL GROUP BY 1, 2, 3;
END $$;

-- Filled from the day tables kept so far, without reading the dossiers (a large database migrates in seconds):
-- the nation's days take the province rows' shards (0–3); later writes use eight, and reads sum every shard.
SELECT dossier_aggregates_roll_up_months();
INSERT INTO dossier_nation_day_totals
  SELECT day, channel, shard, sum(received) FROM dossier_province_day_totals WHERE perspective = 'e'
  GROUP BY 1, 2, 3 HAVING sum(received) <> 0;
