-- Issue 15 (session 6): the time each step of the internal process took, recorded at the hand-over. The workload's
-- median per step read every action of the scope's dossiers with a window over each log (4.9 s for one commune of
-- the province preset on a loaded machine). A completed step is now one row, written by a trigger on the action's
-- insert in the writing transaction (whatever statement writes the action, one or several per statement: an AFTER
-- ROW trigger sees the whole statement's rows), so the read is an index range over the scope and period.
--
-- The rule is the read's of before (workload.repository.ts, stepDurations): a `step_completed` action's duration is
-- its instant minus the instant of the dossier's previous `received` or `step_completed` action (by seq); without
-- such a previous action it has none. The scope is the dossier's entry (its log's first action: unit, province), the
-- period the completion's instant. The log is append-only and the entry never changes, so a row, once written, stays
-- true (re-homing moves today's unit, not the entry).

CREATE TABLE dossier_step_durations (
  dossier_id           uuid NOT NULL,
  seq                  integer NOT NULL,
  entry_unit_code      text NOT NULL,
  entry_province_code  text NOT NULL,
  step                 integer,
  at                   timestamptz NOT NULL,
  hours                double precision NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
-- the read: a commune's, a province's or the nation's completions in a period, index-only
CREATE INDEX dossier_step_durations_unit_idx ON dossier_step_durations (entry_unit_code, at) INCLUDE (step, hours);
CREATE INDEX dossier_step_durations_province_idx ON dossier_step_durations (entry_province_code, at)
  INCLUDE (step, hours);
CREATE INDEX dossier_step_durations_at_idx ON dossier_step_durations (at) INCLUDE (step, hours);
ALTER TABLE dossier_step_durations SET (parallel_workers = 0);

CREATE FUNCTION dossier_actions_record_step_duration() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev_at timestamptz;
  e record;
BEGIN
  -- Bulk writers (the generator) switch the aggregates' triggers off and recount afterwards (which rebuilds these).
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  SELECT x.at INTO prev_at FROM dossier_actions x
  WHERE x.dossier_id = NEW.dossier_id AND x.seq < NEW.seq AND x.type IN ('received', 'step_completed')
  ORDER BY x.seq DESC LIMIT 1;
  IF prev_at IS NULL THEN RETURN NULL; END IF;
  SELECT x.unit_code, x.province_code INTO e FROM dossier_actions x WHERE x.dossier_id = NEW.dossier_id AND x.seq = 1;
  IF NOT FOUND THEN RETURN NULL; END IF;
  INSERT INTO dossier_step_durations VALUES
    (NEW.dossier_id, NEW.seq, e.unit_code, e.province_code, (NEW.data ->> 'fromStep')::int, NEW.at,
     extract(epoch FROM NEW.at - prev_at) / 3600.0)
  ON CONFLICT (dossier_id, seq) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_actions_step_durations AFTER INSERT ON dossier_actions
  FOR EACH ROW WHEN (NEW.type = 'step_completed') EXECUTE FUNCTION dossier_actions_record_step_duration();

-- Rebuild from the log, the dossiers with lo <= id < hi (hi null: no bound): the recount's batches and the generator.
-- A write that lands between the delete and the insert is upserted to the same values, not counted twice.
CREATE FUNCTION dossier_step_durations_recount(lo uuid, hi uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM dossier_step_durations WHERE dossier_id >= lo AND (hi IS NULL OR dossier_id < hi);
  INSERT INTO dossier_step_durations
    SELECT a.dossier_id, a.seq, e.unit_code, e.province_code, a.step, a.at,
      extract(epoch FROM a.at - a.prev_at) / 3600.0
    FROM (
      SELECT x.dossier_id, x.seq, x.type, x.at, (x.data ->> 'fromStep')::int AS step,
        lag(x.at) OVER (PARTITION BY x.dossier_id ORDER BY x.seq) AS prev_at
      FROM dossier_actions x
      WHERE x.type IN ('received', 'step_completed') AND x.dossier_id >= lo AND (hi IS NULL OR x.dossier_id < hi)
    ) a
    JOIN dossier_actions e ON e.dossier_id = a.dossier_id AND e.seq = 1
    WHERE a.type = 'step_completed' AND a.prev_at IS NOT NULL
  ON CONFLICT (dossier_id, seq) DO UPDATE SET entry_unit_code = excluded.entry_unit_code,
    entry_province_code = excluded.entry_province_code, step = excluded.step, at = excluded.at, hours = excluded.hours;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- 0320's whole recount (tests, the generator), with the step durations.
CREATE OR REPLACE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date;
BEGIN
  PERFORM dossier_aggregates_recount_entries('00000000-0000-0000-0000-000000000000', NULL);
  FOR m IN SELECT * FROM dossier_aggregates_recount_months() LOOP
    PERFORM dossier_aggregates_recount_month(m);
  END LOOP;
  PERFORM dossier_step_durations_recount('00000000-0000-0000-0000-000000000000', NULL);
END $$;

-- The durations of the logs written so far (one pass over the received and step_completed actions).
SELECT dossier_step_durations_recount('00000000-0000-0000-0000-000000000000', NULL);
