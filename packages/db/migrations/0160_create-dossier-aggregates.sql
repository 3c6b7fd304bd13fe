-- Dossier aggregates for supervision dashboards (issue 15), maintained by triggers in the same transaction as each
-- dossier write (receipt, action, re-homing of open dossiers, portal import, rating), so every write path counts
-- without a second code path. A dossier's contribution is a function of its row; a trigger adds the new row's
-- contribution and takes away the old one's (UPSERT increments), so concurrent writes add up. The rows are
-- spread over shards (a hash of the dossier id: 2 per unit-day, 4 per province-day) so that one unit-day or
-- province-day is not one hot row; few enough that a nation-wide read sums at most 34 × days × 3 × 4 rows.
-- dossier_aggregates_recount() rebuilds everything from the action log (npm run aggregates:recount).
--
-- The rules are the ones of core's statsBucket (dossier-stats.ts): finished = result_ready/returned, early when
-- finished at least 24 h before the due date, late when after it; closed without a result = refused/withdrawn/
-- stopped; in progress otherwise. Days are Vietnamese civil dates (UTC+7, no daylight saving).

-- What the log says about a dossier that the projection did not hold: its entry (the log's first action: unit,
-- province, instant), how many supplement requests it had and the applicant's rating.
ALTER TABLE dossiers
  ADD COLUMN entry_unit_code     text,
  ADD COLUMN entry_province_code text,
  ADD COLUMN entry_at            timestamptz,
  ADD COLUMN supplement_count    integer NOT NULL DEFAULT 0,
  ADD COLUMN rating_level        smallint;

-- Per unit and day, by the unit at entry ('e') or today's unit ('c', the receiving unit column that re-homing moves).
CREATE TABLE dossier_unit_day_totals (
  perspective            char(1) NOT NULL CHECK (perspective IN ('e', 'c')),
  province_code          text NOT NULL,
  unit_code              text NOT NULL,
  day                    date NOT NULL,
  channel                text NOT NULL,
  shard                  smallint NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  in_progress            integer NOT NULL DEFAULT 0,
  finished_early         integer NOT NULL DEFAULT 0,
  finished_on_time       integer NOT NULL DEFAULT 0,
  finished_late          integer NOT NULL DEFAULT 0,
  finished_no_deadline   integer NOT NULL DEFAULT 0,
  refused                integer NOT NULL DEFAULT 0,
  withdrawn              integer NOT NULL DEFAULT 0,
  stopped                integer NOT NULL DEFAULT 0,
  supplement_requests    integer NOT NULL DEFAULT 0,
  supplemented_dossiers  integer NOT NULL DEFAULT 0,
  rating_sum             integer NOT NULL DEFAULT 0,
  rating_count           integer NOT NULL DEFAULT 0,
  processing_hours_sum   double precision NOT NULL DEFAULT 0,
  processed_count        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (perspective, province_code, unit_code, day, channel, shard)
);
CREATE INDEX dossier_unit_day_totals_unit_idx ON dossier_unit_day_totals (perspective, unit_code, day);

-- The same per province and day: what the national level reads (34 provinces, not 3,321 communes).
CREATE TABLE dossier_province_day_totals (LIKE dossier_unit_day_totals INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE dossier_province_day_totals DROP COLUMN unit_code;
ALTER TABLE dossier_province_day_totals ADD PRIMARY KEY (perspective, province_code, day, channel, shard);
CREATE INDEX dossier_province_day_totals_day_idx ON dossier_province_day_totals (perspective, day);

-- Per unit at entry, day and procedure: processing time against the limit, supplements, refusals.
CREATE TABLE dossier_procedure_day_totals (
  province_code          text NOT NULL,
  unit_code              text NOT NULL,
  day                    date NOT NULL,
  procedure_code         text NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  finished_late          integer NOT NULL DEFAULT 0,
  refused                integer NOT NULL DEFAULT 0,
  supplemented_dossiers  integer NOT NULL DEFAULT 0,
  processing_hours_sum   double precision NOT NULL DEFAULT 0,
  processed_count        integer NOT NULL DEFAULT 0,
  limit_days_sum         double precision NOT NULL DEFAULT 0,
  limit_count            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, unit_code, day, procedure_code)
);
CREATE INDEX dossier_procedure_day_totals_day_idx ON dossier_procedure_day_totals (day, province_code);

-- Open dossiers with a deadline by today's unit and due day (Vietnam), paused clocks apart: overdue, due soon and
-- undue are read from here against today's date, without scanning the open dossiers.
CREATE TABLE dossier_open_due_totals (
  province_code  text NOT NULL,
  unit_code      text NOT NULL,
  due_day        date NOT NULL,
  paused         boolean NOT NULL,
  shard          smallint NOT NULL,
  open_count     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, unit_code, due_day, paused, shard)
);

-- Busy communes' lists and officials' inboxes: open dossiers of a unit by due date; a unit's dossiers by entry.
CREATE INDEX dossiers_entry_unit_idx ON dossiers (entry_unit_code, entry_at);
CREATE INDEX dossiers_entry_province_idx ON dossiers (entry_province_code, entry_at);

CREATE FUNCTION dossier_vn_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;

-- Add (sign 1) or take away (sign -1) one dossier row's contribution.
CREATE FUNCTION dossier_aggregates_apply(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
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
  IF NOT fin AND NOT closed AND d.due_at IS NOT NULL THEN
    INSERT INTO dossier_open_due_totals AS t VALUES
      (d.province_code, d.receiving_unit_code, dossier_vn_day(d.due_at),
       d.status IN ('supplement_requested', 'awaiting_payment'), shard_e, sign)
    ON CONFLICT (province_code, unit_code, due_day, paused, shard) DO UPDATE SET open_count = t.open_count + excluded.open_count;
  END IF;
END $$;

CREATE FUNCTION dossiers_maintain_aggregates() RETURNS trigger LANGUAGE plpgsql AS $$
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
  END IF;
  PERFORM dossier_aggregates_apply(NEW, 1);
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_aggregates AFTER INSERT OR UPDATE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossiers_maintain_aggregates();

-- The log's facts onto the dossier row (which then counts through the trigger above).
CREATE FUNCTION dossier_actions_feed_aggregates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Bulk writers (the generator) switch both triggers off for their transaction and recount afterwards.
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF NEW.seq = 1 THEN
    UPDATE dossiers SET entry_unit_code = NEW.unit_code, entry_province_code = NEW.province_code, entry_at = NEW.at
    WHERE id = NEW.dossier_id;
  END IF;
  IF NEW.type = 'supplement_requested' THEN
    UPDATE dossiers SET supplement_count = supplement_count + 1 WHERE id = NEW.dossier_id;
  ELSIF NEW.type = 'rated' THEN
    UPDATE dossiers SET rating_level = (NEW.data ->> 'level')::smallint WHERE id = NEW.dossier_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_actions_aggregates AFTER INSERT ON dossier_actions
  FOR EACH ROW WHEN (NEW.seq = 1 OR NEW.type IN ('supplement_requested', 'rated'))
  EXECUTE FUNCTION dossier_actions_feed_aggregates();

-- Rebuild from the action log: the entry, supplement count and rating of every dossier from its actions, then every
-- total by GROUP BY (the status, due date and finish are the projection of the same log, written with each action).
CREATE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('motcua.aggregates_off', 'on', true);
  UPDATE dossiers d SET entry_unit_code = a.unit_code, entry_province_code = a.province_code, entry_at = a.at,
    supplement_count = coalesce(s.n, 0), rating_level = r.level
  FROM dossier_actions a
  LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM dossier_actions x
                     WHERE x.dossier_id = a.dossier_id AND x.type = 'supplement_requested') s ON true
  LEFT JOIN LATERAL (SELECT (x.data ->> 'level')::smallint AS level FROM dossier_actions x
                     WHERE x.dossier_id = a.dossier_id AND x.type = 'rated' ORDER BY x.seq DESC LIMIT 1) r ON true
  WHERE a.dossier_id = d.id AND a.seq = 1
    AND (d.entry_unit_code, d.entry_province_code, d.entry_at, d.supplement_count, d.rating_level)
        IS DISTINCT FROM (a.unit_code, a.province_code, a.at, coalesce(s.n, 0), r.level);
  PERFORM set_config('motcua.aggregates_off', 'off', true);
  DELETE FROM dossier_unit_day_totals;
  DELETE FROM dossier_province_day_totals;
  DELETE FROM dossier_procedure_day_totals;
  DELETE FROM dossier_open_due_totals;
  CREATE TEMP TABLE IF NOT EXISTS dossier_contrib ON COMMIT DROP AS
    SELECT d.id, d.entry_province_code, d.entry_unit_code, d.province_code, d.receiving_unit_code, d.channel,
      d.procedure_code, dossier_vn_day(d.entry_at) AS day, abs(hashtext(d.id::text)) % 2 AS shard_e,
      abs(hashtext(d.id::text)) % 4 AS shard_p,
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
      (f.fin AND d.finished_at IS NOT NULL AND d.duration_unit = 'working_days')::int AS limited,
      d.due_at, d.status
    FROM dossiers d
    CROSS JOIN LATERAL (SELECT d.status IN ('result_ready', 'returned') AS fin,
                               (d.due_at IS NULL OR d.finished_at IS NULL) AS nodl) f
    WHERE d.entry_at IS NOT NULL;
  INSERT INTO dossier_unit_day_totals
    SELECT p.perspective, p.province_code, p.unit_code, c.day, c.channel, c.shard_e, count(*), sum(progress), sum(early),
      sum(on_time), sum(late), sum(nodl), sum(refused), sum(withdrawn), sum(stopped), sum(supp), sum(supp_d), sum(rsum),
      sum(rcount), sum(hours), sum(processed)
    FROM dossier_contrib c
    CROSS JOIN LATERAL (VALUES ('e', c.entry_province_code, c.entry_unit_code),
                               ('c', c.province_code, c.receiving_unit_code)) p(perspective, province_code, unit_code)
    GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO dossier_province_day_totals
    SELECT p.perspective, p.province_code, c.day, c.channel, c.shard_p, count(*), sum(progress), sum(early),
      sum(on_time), sum(late), sum(nodl), sum(refused), sum(withdrawn), sum(stopped), sum(supp), sum(supp_d), sum(rsum),
      sum(rcount), sum(hours), sum(processed)
    FROM dossier_contrib c
    CROSS JOIN LATERAL (VALUES ('e', c.entry_province_code), ('c', c.province_code)) p(perspective, province_code)
    GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO dossier_procedure_day_totals
    SELECT entry_province_code, entry_unit_code, day, procedure_code, count(*), sum(late), sum(refused), sum(supp_d),
      sum(hours), sum(processed), sum(limit_days), sum(limited)
    FROM dossier_contrib GROUP BY 1, 2, 3, 4;
  INSERT INTO dossier_open_due_totals
    SELECT province_code, receiving_unit_code, dossier_vn_day(due_at),
      status IN ('supplement_requested', 'awaiting_payment'), shard_e, count(*)
    FROM dossier_contrib WHERE progress = 1 AND due_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
  DROP TABLE dossier_contrib;
END $$;

SELECT dossier_aggregates_recount();
