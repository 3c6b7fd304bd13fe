-- The drill-down below a commune (issue 15) counted every dossier of the period with its kept handlers (0390): five
-- months of the busiest commune of the national preset, 12.6 k entry-index entries and 37 k handler rows joined and
-- grouped, 259 / 326 ms p50 / p95. A finished or closed dossier's figure no longer depends on `now`, so its part of the
-- counts can be kept; an open one's (in progress / overdue) cannot, and is read live.
--
-- Kept by TEAM: the sorted set of officials who handled the dossier (acted on it, 0390's rule, or hold it now). A
-- dossier counts once per department of its officials' placements on the chosen date, and that date is the reader's:
-- counts per official or per department could not give it exactly, counts per team can — the reader maps each team's
-- members to their departments on the date and counts the team's dossiers once per department. A commune has few
-- teams (a receiver, a specialist, a leader: tens to hundreds), so a month of a busy commune is a few hundred rows.
--
-- Rows per (entry unit, grain, entry day, team, figure): grain 'd' the VN day of entry, 'm' its month (entry_day the
-- first of the month); a period reads whole months from 'm' rows and the other whole days from 'd' rows. The figure
-- is its index in core's DRILL_BUCKETS: 0 finished on time, 1 late, 2 without a deadline, 5 closed without a result.
CREATE TABLE dossier_drill_finished (
  unit_code text NOT NULL,
  grain char(1) NOT NULL,
  entry_day date NOT NULL,
  team uuid[] NOT NULL,
  bucket smallint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (unit_code, grain, entry_day, team, bucket)
);

-- drillBucket (core) for a dossier whose figure does not depend on `now` (finished or closed); null when open.
-- Instants compared to the millisecond, as the reader's SQL and Node do.
CREATE FUNCTION dossier_drill_bucket(status text, due_at timestamptz, finished_at timestamptz) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status IN ('refused', 'withdrawn', 'stopped') THEN 5::smallint
    WHEN status IN ('result_ready', 'returned') THEN CASE
      WHEN due_at IS NULL OR finished_at IS NULL THEN 2::smallint
      WHEN date_trunc('milliseconds', finished_at) > date_trunc('milliseconds', due_at) THEN 1::smallint
      ELSE 0::smallint END
    ELSE NULL END
$$;

-- Who handled a dossier: the officials who acted on it (0390's rows) and its holder, sorted, without repeats.
CREATE FUNCTION dossier_drill_team(dossier uuid, holder uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(u ORDER BY u), '{}')
  FROM (SELECT user_id AS u FROM dossier_handlers WHERE dossier_id = dossier
        UNION SELECT holder WHERE holder IS NOT NULL) x
$$;

-- Move one finished dossier from its old place (unit, entry, team, figure) to its new one: one statement takes it
-- from the old day and month rows, one adds it to the new ones; nothing when both are the same (a result returned,
-- a note). A null unit, entry or figure is no place (open, or not entered yet). Rows left at 0 stay (readers sum;
-- the recount writes none).
CREATE FUNCTION dossier_drill_move(o_unit text, o_entry timestamptz, o_team uuid[], o_bucket smallint,
  n_unit text, n_entry timestamptz, n_team uuid[], n_bucket smallint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  o_ok boolean := o_unit IS NOT NULL AND o_entry IS NOT NULL AND o_bucket IS NOT NULL;
  n_ok boolean := n_unit IS NOT NULL AND n_entry IS NOT NULL AND n_bucket IS NOT NULL;
  o_day date := dossier_vn_day(o_entry);
  n_day date := dossier_vn_day(n_entry);
BEGIN
  IF o_ok AND n_ok AND o_unit = n_unit AND o_day = n_day AND o_team = n_team AND o_bucket = n_bucket THEN RETURN; END IF;
  IF o_ok THEN
    UPDATE dossier_drill_finished SET n = n - 1
    WHERE (unit_code, grain, entry_day, team, bucket) IN ((o_unit, 'd', o_day, o_team, o_bucket),
      (o_unit, 'm', date_trunc('month', o_day)::date, o_team, o_bucket));
  END IF;
  IF n_ok THEN
    INSERT INTO dossier_drill_finished AS t (unit_code, grain, entry_day, team, bucket, n)
    VALUES (n_unit, 'd', n_day, n_team, n_bucket, 1), (n_unit, 'm', date_trunc('month', n_day)::date, n_team, n_bucket, 1)
    ON CONFLICT (unit_code, grain, entry_day, team, bucket) DO UPDATE SET n = t.n + 1;
  END IF;
END $$;

-- A dossier's row: from its old place to its new one (only finished or closed dossiers have one).
CREATE FUNCTION dossier_drill_follow_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ob smallint;
  nb smallint;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ob := dossier_drill_bucket(OLD.status, OLD.due_at, OLD.finished_at); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN nb := dossier_drill_bucket(NEW.status, NEW.due_at, NEW.finished_at); END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM dossier_drill_move(NULL, NULL, NULL, NULL, NEW.entry_unit_code, NEW.entry_at,
      dossier_drill_team(NEW.id, NEW.current_assignee_id), nb);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dossier_drill_move(OLD.entry_unit_code, OLD.entry_at, dossier_drill_team(OLD.id, OLD.current_assignee_id),
      ob, NULL, NULL, NULL, NULL);
  ELSE
    PERFORM dossier_drill_move(OLD.entry_unit_code, OLD.entry_at,
      CASE WHEN ob IS NULL THEN NULL ELSE dossier_drill_team(OLD.id, OLD.current_assignee_id) END, ob,
      NEW.entry_unit_code, NEW.entry_at,
      CASE WHEN nb IS NULL THEN NULL ELSE dossier_drill_team(NEW.id, NEW.current_assignee_id) END, nb);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_drill_insert AFTER INSERT ON dossiers
  FOR EACH ROW WHEN (NEW.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped'))
  EXECUTE FUNCTION dossier_drill_follow_dossier();
CREATE TRIGGER dossiers_drill_update AFTER UPDATE OF status, due_at, finished_at, entry_unit_code, entry_at,
  current_assignee_id ON dossiers
  FOR EACH ROW WHEN ((OLD.status, OLD.due_at, OLD.finished_at, OLD.entry_unit_code, OLD.entry_at, OLD.current_assignee_id)
    IS DISTINCT FROM (NEW.status, NEW.due_at, NEW.finished_at, NEW.entry_unit_code, NEW.entry_at, NEW.current_assignee_id)
    AND (OLD.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')
      OR NEW.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')))
  EXECUTE FUNCTION dossier_drill_follow_dossier();
-- before: the handlers' rows go with the dossier (ON DELETE CASCADE) and the team is read from them
CREATE TRIGGER dossiers_drill_delete BEFORE DELETE ON dossiers
  FOR EACH ROW WHEN (OLD.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped'))
  EXECUTE FUNCTION dossier_drill_follow_dossier();

-- 0390's action trigger, now also moving a finished dossier to its new team when an official acts on it first.
-- (dossier_handlers_recount rewrites rows the log already implies: the teams do not change, nothing to move.)
CREATE OR REPLACE FUNCTION dossier_handlers_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d dossiers;
  inserted integer;
  v_bucket smallint;
  v_team uuid[];
BEGIN
  INSERT INTO dossier_handlers (dossier_id, user_id, entry_unit_code, entry_at)
  SELECT x.id, NEW.actor_user_id, x.entry_unit_code, x.entry_at FROM dossiers x WHERE x.id = NEW.dossier_id
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  IF inserted = 0 THEN RETURN NULL; END IF;
  -- a new handler: the dossier's row locked (no key update: the action's own key-share lock is not in the way), so a
  -- concurrent change of its status or holder is applied before this move (and counted the team without this
  -- handler) or after it (and reads the team with it), never from a team the dossier has left
  SELECT * INTO d FROM dossiers WHERE id = NEW.dossier_id FOR NO KEY UPDATE;
  IF NEW.actor_user_id IS NOT DISTINCT FROM d.current_assignee_id THEN RETURN NULL; END IF;
  v_bucket := dossier_drill_bucket(d.status, d.due_at, d.finished_at);
  IF v_bucket IS NULL THEN RETURN NULL; END IF;
  v_team := dossier_drill_team(d.id, d.current_assignee_id);
  PERFORM dossier_drill_move(d.entry_unit_code, d.entry_at, array_remove(v_team, NEW.actor_user_id), v_bucket,
    d.entry_unit_code, d.entry_at, v_team, v_bucket);
  RETURN NULL;
END $$;

-- Rebuild the rows of the dossiers entered from lo to before hi (VN days; null: no bound) from the dossiers and
-- 0390's rows (after those are recounted); returns the dossiers counted. Locks the table against writers meanwhile
-- (a write waits, then applies its change to the rebuilt rows).
CREATE FUNCTION dossier_drill_finished_recount(lo date, hi date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE counted integer;
BEGIN
  LOCK TABLE dossier_drill_finished IN SHARE ROW EXCLUSIVE MODE;
  IF lo IS NOT NULL AND hi IS NOT NULL AND (date_trunc('month', lo) <> lo OR date_trunc('month', hi) <> hi) THEN
    RAISE EXCEPTION 'dossier_drill_finished_recount: bounds are firsts of months';
  END IF;
  DELETE FROM dossier_drill_finished WHERE (lo IS NULL OR entry_day >= lo) AND (hi IS NULL OR entry_day < hi);
  CREATE TEMP TABLE drill_recount ON COMMIT DROP AS
  SELECT d.entry_unit_code AS unit_code, dossier_vn_day(d.entry_at) AS day,
    (SELECT coalesce(array_agg(u ORDER BY u), '{}') FROM (
       SELECT h.user_id AS u FROM dossier_handlers h WHERE h.dossier_id = d.id
       UNION SELECT d.current_assignee_id WHERE d.current_assignee_id IS NOT NULL) x) AS team,
    dossier_drill_bucket(d.status, d.due_at, d.finished_at) AS bucket
  FROM dossiers d
  WHERE d.status IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped')
    AND d.entry_unit_code IS NOT NULL AND d.entry_at IS NOT NULL
    AND (lo IS NULL OR d.entry_at >= lo::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
    AND (hi IS NULL OR d.entry_at < hi::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh');
  GET DIAGNOSTICS counted = ROW_COUNT;
  INSERT INTO dossier_drill_finished (unit_code, grain, entry_day, team, bucket, n)
  SELECT unit_code, 'd', day, team, bucket, count(*) FROM drill_recount GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT unit_code, 'm', date_trunc('month', day)::date, team, bucket, count(*) FROM drill_recount GROUP BY 1, 2, 3, 4, 5;
  DROP TABLE drill_recount;
  RETURN counted;
END $$;

SELECT dossier_drill_finished_recount(NULL, NULL);
