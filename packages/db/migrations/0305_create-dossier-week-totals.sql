-- Weekly layer of the dossier aggregates (issue 15, ragged periods): a period with partial months at both ends read
-- up to 60 day rows per unit (≈ 20,000 rows for a province's communes). The week tables hold week segments: the
-- part of an ISO week inside one calendar month, keyed by its first day (the Monday, or the 1st). Segments nest in
-- months, so a dashboard reads whole months, then whole segments, then at most 6 days at each end of the period
-- (core's splitPeriodForRollUp), and the recount can rebuild the weeks month by month. Maintained by the same
-- trigger on dossiers in the writing transaction, with the dossier's shard, so a segment row is always the sum of
-- its day rows.
--
-- Replaces: dossiers_maintain_aggregates() (adds the week upserts), dossier_aggregates_recount() (now month by month,
-- see below); drops dossier_aggregates_recount_days() (0160's one-statement rebuild, replaced by the month batches).
-- New: dossier_week_segment, dossier_aggregates_apply_weeks, dossier_aggregates_recount_entries,
-- dossier_aggregates_recount_month, dossier_aggregates_recount_open_due.

CREATE FUNCTION dossier_week_segment(day date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(date_trunc('week', day), date_trunc('month', day))::date
$$;

CREATE TABLE dossier_unit_week_totals (LIKE dossier_unit_day_totals INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE dossier_unit_week_totals RENAME COLUMN day TO week;
ALTER TABLE dossier_unit_week_totals ADD CHECK (week = dossier_week_segment(week));
ALTER TABLE dossier_unit_week_totals ADD PRIMARY KEY (perspective, province_code, unit_code, week, channel, shard);
CREATE INDEX dossier_unit_week_totals_province_week_idx ON dossier_unit_week_totals (perspective, province_code, week);

CREATE TABLE dossier_province_week_totals (LIKE dossier_province_day_totals INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE dossier_province_week_totals RENAME COLUMN day TO week;
ALTER TABLE dossier_province_week_totals ADD CHECK (week = dossier_week_segment(week));
ALTER TABLE dossier_province_week_totals ADD PRIMARY KEY (perspective, province_code, week, channel, shard);
CREATE INDEX dossier_province_week_totals_week_idx ON dossier_province_week_totals (perspective, week);

CREATE TABLE dossier_procedure_week_totals (LIKE dossier_procedure_month_totals INCLUDING DEFAULTS);
ALTER TABLE dossier_procedure_week_totals RENAME COLUMN month TO week;
ALTER TABLE dossier_procedure_week_totals ADD CHECK (week = dossier_week_segment(week));
ALTER TABLE dossier_procedure_week_totals ADD PRIMARY KEY (province_code, week, procedure_code);
CREATE INDEX dossier_procedure_week_totals_week_idx ON dossier_procedure_week_totals (week);

-- The week rows follow the day rows: the same contribution, the segment of the entry day.
CREATE FUNCTION dossier_aggregates_apply_weeks(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
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
  v_week date;
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
  v_week := dossier_week_segment(dossier_vn_day(d.entry_at));
  shard_e := abs(hashtext(d.id::text)) % 2;
  shard_p := abs(hashtext(d.id::text)) % 4;
  INSERT INTO dossier_unit_week_totals AS t VALUES
    ('e', d.entry_province_code, d.entry_unit_code, v_week, d.channel, shard_e, v_received, v_progress, v_early,
     v_on_time, v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours,
     v_processed),
    ('c', d.province_code, d.receiving_unit_code, v_week, d.channel, shard_e, v_received, v_progress, v_early,
     v_on_time, v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours,
     v_processed)
  ON CONFLICT (perspective, province_code, unit_code, week, channel, shard) DO UPDATE SET
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
  INSERT INTO dossier_province_week_totals AS t VALUES
    ('e', d.entry_province_code, v_week, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed),
    ('c', d.province_code, v_week, d.channel, shard_p, v_received, v_progress, v_early, v_on_time,
     v_late, v_nodl, v_refused, v_withdrawn, v_stopped, v_supp, v_supp_d, v_rsum, v_rcount, v_hours, v_processed)
  ON CONFLICT (perspective, province_code, week, channel, shard) DO UPDATE SET
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
  INSERT INTO dossier_procedure_week_totals AS t VALUES
    (d.entry_province_code, v_week, d.procedure_code, v_received, v_late, v_refused, v_supp_d, v_hours, v_processed,
     sign * CASE WHEN processed AND d.duration_unit = 'working_days' THEN d.duration_value::double precision ELSE 0 END,
     sign * (processed AND d.duration_unit = 'working_days')::int)
  ON CONFLICT (province_code, week, procedure_code) DO UPDATE SET
    received = t.received + excluded.received, finished_late = t.finished_late + excluded.finished_late,
    refused = t.refused + excluded.refused,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count,
    limit_days_sum = t.limit_days_sum + excluded.limit_days_sum, limit_count = t.limit_count + excluded.limit_count;
END $$;

-- 0221's trigger function with the week upserts beside the month ones.
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
    PERFORM dossier_aggregates_apply_weeks(OLD, -1);
    PERFORM dossier_aggregates_apply_province_procedures(OLD, -1);
    IF (dossier_vn_day(OLD.entry_at), OLD.channel) IS DISTINCT FROM (dossier_vn_day(NEW.entry_at), NEW.channel) THEN
      PERFORM dossier_aggregates_apply_nation_day(OLD, -1);
      PERFORM dossier_aggregates_apply_nation_day(NEW, 1);
    END IF;
  ELSE
    PERFORM dossier_aggregates_apply_nation_day(NEW, 1);
  END IF;
  PERFORM dossier_aggregates_apply(NEW, 1);
  PERFORM dossier_aggregates_apply_months(NEW, 1);
  PERFORM dossier_aggregates_apply_weeks(NEW, 1);
  PERFORM dossier_aggregates_apply_province_procedures(NEW, 1);
  RETURN NULL;
END $$;

-- Recount, step 1 (batched by id range: lo <= id < hi, hi null for the last batch): the entry, supplement count and
-- rating of each dossier from its log. The triggers are off for the batch's transaction; step 2 rebuilds the totals.
CREATE FUNCTION dossier_aggregates_recount_entries(lo uuid, hi uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  PERFORM set_config('motcua.aggregates_off', 'on', true);
  WITH facts AS (
    SELECT a.dossier_id,
      (array_agg(a.unit_code ORDER BY a.seq) FILTER (WHERE a.seq = 1))[1] AS unit_code,
      (array_agg(a.province_code ORDER BY a.seq) FILTER (WHERE a.seq = 1))[1] AS province_code,
      (array_agg(a.at ORDER BY a.seq) FILTER (WHERE a.seq = 1))[1] AS at,
      (count(*) FILTER (WHERE a.type = 'supplement_requested'))::int AS supplements,
      (array_agg((a.data ->> 'level')::smallint ORDER BY a.seq DESC) FILTER (WHERE a.type = 'rated'))[1] AS level
    FROM dossier_actions a
    WHERE a.dossier_id >= lo AND (hi IS NULL OR a.dossier_id < hi)
      AND (a.seq = 1 OR a.type IN ('supplement_requested', 'rated'))
    GROUP BY a.dossier_id
  )
  UPDATE dossiers d SET entry_unit_code = f.unit_code, entry_province_code = f.province_code, entry_at = f.at,
    supplement_count = f.supplements, rating_level = f.level
  FROM facts f
  WHERE f.dossier_id = d.id AND f.at IS NOT NULL
    AND (d.entry_unit_code, d.entry_province_code, d.entry_at, d.supplement_count, d.rating_level)
        IS DISTINCT FROM (f.unit_code, f.province_code, f.at, f.supplements, f.level);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('motcua.aggregates_off', 'off', true);
  RETURN n;
END $$;

-- Recount, step 2, one month of entry days (m = its first day), in the caller's transaction: every row of the day,
-- week and month tables and the nation's days for that month, from the dossiers that entered in it. The tables are
-- locked against writers first, so a write waits for the batch and then applies its delta to the rebuilt rows.
CREATE FUNCTION dossier_aggregates_recount_month(m date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  next_m date := (m + interval '1 month')::date;
  n integer;
BEGIN
  IF m <> date_trunc('month', m)::date THEN RAISE EXCEPTION 'not the first day of a month: %', m; END IF;
  LOCK TABLE dossier_unit_day_totals, dossier_province_day_totals, dossier_procedure_day_totals,
    dossier_procedure_province_day_totals, dossier_unit_week_totals, dossier_province_week_totals,
    dossier_procedure_week_totals, dossier_unit_month_totals, dossier_province_month_totals,
    dossier_procedure_month_totals, dossier_nation_day_totals IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM dossier_unit_day_totals WHERE day >= m AND day < next_m;
  DELETE FROM dossier_province_day_totals WHERE day >= m AND day < next_m;
  DELETE FROM dossier_procedure_day_totals WHERE day >= m AND day < next_m;
  DELETE FROM dossier_procedure_province_day_totals WHERE day >= m AND day < next_m;
  DELETE FROM dossier_unit_week_totals WHERE week >= m AND week < next_m;
  DELETE FROM dossier_province_week_totals WHERE week >= m AND week < next_m;
  DELETE FROM dossier_procedure_week_totals WHERE week >= m AND week < next_m;
  DELETE FROM dossier_unit_month_totals WHERE month = m;
  DELETE FROM dossier_province_month_totals WHERE month = m;
  DELETE FROM dossier_procedure_month_totals WHERE month = m;
  DELETE FROM dossier_nation_day_totals WHERE day >= m AND day < next_m;
  DROP TABLE IF EXISTS dossier_contrib;
  -- a day either side of the month in UTC (whatever the session's time zone), then the Vietnamese day exactly
  CREATE TEMP TABLE dossier_contrib ON COMMIT DROP AS
    SELECT d.id, d.entry_province_code, d.entry_unit_code, d.province_code, d.receiving_unit_code, d.channel,
      d.procedure_code, dossier_vn_day(d.entry_at) AS day, abs(hashtext(d.id::text)) % 2 AS shard_e,
      abs(hashtext(d.id::text)) % 4 AS shard_p, abs(hashtext(d.id::text)) % 8 AS shard_n,
      (d.status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped'))::int AS progress,
      (f.fin AND NOT f.nodl AND d.due_at - d.finished_at >= interval '24 hours' AND d.finished_at <= d.due_at)::int AS early,
      (f.fin AND NOT f.nodl AND d.finished_at <= d.due_at AND d.due_at - d.finished_at < interval '24 hours')::int AS on_time,
      (f.fin AND NOT f.nodl AND d.finished_at > d.due_at)::int AS late,
      (f.fin AND f.nodl)::int AS nodl,
      (d.status = 'refused')::int AS refused, (d.status = 'withdrawn')::int AS withdrawn,
      (d.status = 'stopped')::int AS stopped, d.supplement_count AS supp, (d.supplement_count > 0)::int AS supp_d,
      coalesce(d.rating_level, 0)::int AS rsum, (d.rating_level IS NOT NULL)::int AS rcount,
      CASE WHEN f.fin AND d.finished_at IS NOT NULL THEN extract(epoch FROM d.finished_at - d.entry_at) / 3600.0 ELSE 0 END
        ::double precision AS hours,
      (f.fin AND d.finished_at IS NOT NULL)::int AS processed,
      CASE WHEN f.fin AND d.finished_at IS NOT NULL AND d.duration_unit = 'working_days'
        THEN d.duration_value::double precision ELSE 0 END AS limit_days,
      (f.fin AND d.finished_at IS NOT NULL AND d.duration_unit = 'working_days')::int AS limited
    FROM dossiers d
    CROSS JOIN LATERAL (SELECT d.status IN ('result_ready', 'returned') AS fin,
                               (d.due_at IS NULL OR d.finished_at IS NULL) AS nodl) f
    WHERE d.entry_at >= ((m - 1)::timestamp AT TIME ZONE 'UTC') AND d.entry_at < ((next_m + 1)::timestamp AT TIME ZONE 'UTC')
      AND dossier_vn_day(d.entry_at) >= m AND dossier_vn_day(d.entry_at) < next_m;
  SELECT count(*) INTO n FROM dossier_contrib;
  INSERT INTO dossier_unit_day_totals
    SELECT p.perspective, p.province_code, p.unit_code, c.day, c.channel, c.shard_e, count(*), sum(progress), sum(early),
      sum(on_time), sum(late), sum(nodl), sum(refused), sum(withdrawn), sum(stopped), sum(supp), sum(supp_d), sum(rsum),
      sum(rcount), sum(hours), sum(processed)
    FROM dossier_contrib c
    CROSS JOIN LATERAL (VALUES ('e', c.entry_province_code, c.entry_unit_code),
                               ('c', c.province_code, c.receiving_unit_code)) p(perspective, province_code, unit_code)
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 4, 3;
  INSERT INTO dossier_province_day_totals
    SELECT p.perspective, p.province_code, c.day, c.channel, c.shard_p, count(*), sum(progress), sum(early),
      sum(on_time), sum(late), sum(nodl), sum(refused), sum(withdrawn), sum(stopped), sum(supp), sum(supp_d), sum(rsum),
      sum(rcount), sum(hours), sum(processed)
    FROM dossier_contrib c
    CROSS JOIN LATERAL (VALUES ('e', c.entry_province_code), ('c', c.province_code)) p(perspective, province_code)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 3, 1, 2;
  INSERT INTO dossier_procedure_day_totals
    SELECT entry_province_code, entry_unit_code, day, procedure_code, count(*), sum(late), sum(refused), sum(supp_d),
      sum(hours), sum(processed), sum(limit_days), sum(limited)
    FROM dossier_contrib GROUP BY 1, 2, 3, 4;
  INSERT INTO dossier_nation_day_totals
    SELECT day, channel, shard_n, count(*) FROM dossier_contrib GROUP BY 1, 2, 3;
  DROP TABLE dossier_contrib;
  -- the month's weeks, months and per-province procedure days from its day rows just written
  INSERT INTO dossier_procedure_province_day_totals
    SELECT province_code, day, procedure_code, sum(received), sum(finished_late), sum(refused),
      sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
    FROM dossier_procedure_day_totals WHERE day >= m AND day < next_m GROUP BY 1, 2, 3;
  INSERT INTO dossier_unit_week_totals
    SELECT perspective, province_code, unit_code, dossier_week_segment(day), channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_unit_day_totals WHERE day >= m AND day < next_m GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 4, 3;
  INSERT INTO dossier_unit_month_totals
    SELECT perspective, province_code, unit_code, m, channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_unit_week_totals WHERE week >= m AND week < next_m GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO dossier_province_week_totals
    SELECT perspective, province_code, dossier_week_segment(day), channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_province_day_totals WHERE day >= m AND day < next_m GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO dossier_province_month_totals
    SELECT perspective, province_code, m, channel, shard, sum(received),
      sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
      sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
      sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
    FROM dossier_province_week_totals WHERE week >= m AND week < next_m GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO dossier_procedure_week_totals
    SELECT province_code, dossier_week_segment(day), procedure_code, sum(received), sum(finished_late), sum(refused),
      sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
    FROM dossier_procedure_province_day_totals WHERE day >= m AND day < next_m GROUP BY 1, 2, 3;
  INSERT INTO dossier_procedure_month_totals
    SELECT province_code, m, procedure_code, sum(received), sum(finished_late), sum(refused),
      sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
    FROM dossier_procedure_week_totals WHERE week >= m AND week < next_m GROUP BY 1, 2, 3;
  RETURN n;
END $$;

-- Recount, step 3: the open dossiers by today's unit and due day (small: only the open ones with a deadline).
CREATE FUNCTION dossier_aggregates_recount_open_due() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  LOCK TABLE dossier_open_due_totals IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM dossier_open_due_totals;
  INSERT INTO dossier_open_due_totals
    SELECT province_code, receiving_unit_code, dossier_vn_day(due_at),
      status IN ('supplement_requested', 'awaiting_payment'), abs(hashtext(id::text)) % 2, count(*)
    FROM dossiers
    WHERE entry_at IS NOT NULL AND due_at IS NOT NULL
      AND status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')
    GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- The months a recount covers: those of the dossiers' entries and those the tables hold (stale rows are cleared).
CREATE FUNCTION dossier_aggregates_recount_months() RETURNS SETOF date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', dossier_vn_day(entry_at))::date FROM dossiers WHERE entry_at IS NOT NULL
  UNION SELECT month FROM dossier_province_month_totals
  UNION SELECT date_trunc('month', day)::date FROM dossier_unit_day_totals
  ORDER BY 1
$$;

-- The whole recount in one transaction (tests, the generator, small databases); `npm run aggregates:recount` runs
-- the same steps in batches, one transaction each, with progress.
CREATE OR REPLACE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date;
BEGIN
  PERFORM dossier_aggregates_recount_entries('00000000-0000-0000-0000-000000000000', NULL);
  FOR m IN SELECT * FROM dossier_aggregates_recount_months() LOOP
    PERFORM dossier_aggregates_recount_month(m);
  END LOOP;
  PERFORM dossier_aggregates_recount_open_due();
END $$;

DROP FUNCTION dossier_aggregates_recount_days();

-- Filled from the day tables kept so far (no dossier read; seconds on a large database). Rows are written in the
-- order a province's read walks them (perspective, province, week or day, unit), so a period's rows of one province
-- sit on few heap pages rather than one page a row.
INSERT INTO dossier_unit_week_totals
  SELECT perspective, province_code, unit_code, dossier_week_segment(day), channel, shard, sum(received),
    sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
    sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
    sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
  FROM dossier_unit_day_totals GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 4, 3;
INSERT INTO dossier_province_week_totals
  SELECT perspective, province_code, dossier_week_segment(day), channel, shard, sum(received),
    sum(in_progress), sum(finished_early), sum(finished_on_time), sum(finished_late), sum(finished_no_deadline),
    sum(refused), sum(withdrawn), sum(stopped), sum(supplement_requests), sum(supplemented_dossiers),
    sum(rating_sum), sum(rating_count), sum(processing_hours_sum), sum(processed_count)
  FROM dossier_province_day_totals GROUP BY 1, 2, 3, 4, 5;
INSERT INTO dossier_procedure_week_totals
  SELECT province_code, dossier_week_segment(day), procedure_code, sum(received), sum(finished_late), sum(refused),
    sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
  FROM dossier_procedure_province_day_totals GROUP BY 1, 2, 3;
