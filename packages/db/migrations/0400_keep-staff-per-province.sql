-- Issue 15 (session 9, task 15w): the nation's workload counts, per province, the officials holding a handling role
-- at some unit of the province at some time in the period, once each. Counting them at read time joined every role
-- grant of the nation (28,549 on the national preset) with the admin units: 90–150 ms at load. They are now kept.
--
-- staff_province_spans: per official and province, the maximal spans of days during which the official holds a
-- handling role (reception, specialist, department_head, leader, center_director) at a unit of the province — each
-- grant's days intersected with the days of the unit's row (a unit re-homed to another province counts there from
-- the day its new row starts), overlapping or adjacent days merged. `multi` marks an official with two or more
-- spans in the province (left and came back: a transfer out and in, a secondment ended and renewed).
-- staff_province_day_totals: per province and day, the spans starting that day and the spans ending that day.
--
-- Officials of a province during [from, to] = spans overlapping the period − (spans − officials) among the `multi`
-- rows overlapping it; spans overlapping = spans started by `to` − spans ended before `from` (a span that ended
-- before `from` started before it). So a read sums ≈ 34 × (days with a start or an end) rows and a handful of
-- `multi` spans, whatever the number of grants.
--
-- Kept by statement triggers on role_grants (insert, update, delete) and admin_units (a unit's province or days
-- change): the officials concerned are recomputed from their grants — old spans taken out of the day totals, new
-- ones added, one grouped UPSERT in key order — in the writer's transaction, under a transaction advisory lock per
-- official (taken in id order), so two writers of one official's grants take turns and the second reads the first's
-- committed grants (READ COMMITTED: each statement of the function has a new snapshot). Switched off with the other
-- aggregates by motcua.aggregates_off (the generator's bulk copy); staff_province_recount() rebuilds both tables
-- (the recount command, the generator's recount()).

CREATE TABLE staff_province_spans (
  user_id       uuid NOT NULL,
  province_code text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  multi         boolean NOT NULL,
  PRIMARY KEY (user_id, province_code, valid_from)
);
CREATE INDEX staff_province_spans_multi_idx ON staff_province_spans (province_code)
  INCLUDE (user_id, valid_from, valid_to) WHERE multi;

CREATE TABLE staff_province_day_totals (
  province_code text NOT NULL,
  day           date NOT NULL,
  starts        integer NOT NULL,
  ends          integer NOT NULL,
  PRIMARY KEY (province_code, day)
);
ALTER TABLE staff_province_spans SET (parallel_workers = 0);
ALTER TABLE staff_province_day_totals SET (parallel_workers = 0);

-- The spans computed from the grants (a filter on user_id is pushed down through the windows: they are partitioned
-- by it). 'infinity' stands for an open end while merging.
CREATE VIEW staff_province_spans_source AS
  WITH iv AS (
    SELECT g.user_id, au.province_code, greatest(g.valid_from, au.valid_from) AS f,
      coalesce(least(g.valid_to, au.valid_to), 'infinity'::date) AS t
    FROM role_grants g JOIN admin_units au ON au.code = g.unit_code
    WHERE g.role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director')
  ), m AS (
    SELECT iv.*, max(t) OVER (PARTITION BY user_id, province_code ORDER BY f, t
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_t
    FROM iv WHERE t >= f
  ), s AS (
    SELECT m.*, sum(CASE WHEN prev_t IS NULL OR f - 1 > prev_t THEN 1 ELSE 0 END)
      OVER (PARTITION BY user_id, province_code ORDER BY f, t) AS island
    FROM m
  ), spans AS (
    SELECT user_id, province_code, min(f) AS valid_from, nullif(max(t), 'infinity'::date) AS valid_to
    FROM s GROUP BY user_id, province_code, island
  )
  SELECT user_id, province_code, valid_from, valid_to,
    count(*) OVER (PARTITION BY user_id, province_code) > 1 AS multi
  FROM spans;

-- Recompute the spans of these officials and move the day totals by the difference.
CREATE FUNCTION staff_province_refresh(uids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF uids IS NULL OR cardinality(uids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('staff_province:' || s.u::text))
    FROM (SELECT DISTINCT u FROM unnest(uids) u ORDER BY u) s;
  WITH o AS (
    SELECT province_code, valid_from, valid_to FROM staff_province_spans WHERE user_id = ANY (uids)
  ), n AS (
    SELECT province_code, valid_from, valid_to FROM staff_province_spans_source WHERE user_id = ANY (uids)
  ), ev AS (
    SELECT province_code, valid_from AS day, -1 AS starts, 0 AS ends FROM o
    UNION ALL SELECT province_code, valid_to, 0, -1 FROM o WHERE valid_to IS NOT NULL
    UNION ALL SELECT province_code, valid_from, 1, 0 FROM n
    UNION ALL SELECT province_code, valid_to, 0, 1 FROM n WHERE valid_to IS NOT NULL
  ), d AS (
    SELECT province_code, day, sum(starts)::int AS starts, sum(ends)::int AS ends FROM ev
    GROUP BY province_code, day HAVING sum(starts) <> 0 OR sum(ends) <> 0
  )
  INSERT INTO staff_province_day_totals AS t (province_code, day, starts, ends)
  SELECT province_code, day, starts, ends FROM d ORDER BY province_code, day
  ON CONFLICT (province_code, day) DO UPDATE SET starts = t.starts + excluded.starts, ends = t.ends + excluded.ends;
  DELETE FROM staff_province_spans WHERE user_id = ANY (uids);
  INSERT INTO staff_province_spans (user_id, province_code, valid_from, valid_to, multi)
  SELECT user_id, province_code, valid_from, valid_to, multi FROM staff_province_spans_source WHERE user_id = ANY (uids);
END $$;

CREATE FUNCTION role_grants_keep_staff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE uids uuid[];
BEGIN
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT user_id) INTO uids FROM new_rows
    WHERE role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT user_id) INTO uids FROM old_rows
    WHERE role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  ELSE
    SELECT array_agg(DISTINCT user_id) INTO uids FROM (
      SELECT user_id, role FROM old_rows UNION ALL SELECT user_id, role FROM new_rows) x
    WHERE role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  END IF;
  PERFORM staff_province_refresh(uids);
  RETURN NULL;
END $$;

CREATE TRIGGER role_grants_keep_staff_ins AFTER INSERT ON role_grants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION role_grants_keep_staff();
CREATE TRIGGER role_grants_keep_staff_del AFTER DELETE ON role_grants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION role_grants_keep_staff();
CREATE TRIGGER role_grants_keep_staff_upd AFTER UPDATE ON role_grants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION role_grants_keep_staff();

-- A unit's row added, ended, re-homed or removed: the officials with a handling grant at that code.
CREATE FUNCTION admin_units_keep_staff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE uids uuid[];
BEGIN
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT g.user_id) INTO uids FROM role_grants g
    WHERE g.unit_code IN (SELECT code FROM new_rows)
      AND g.role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT g.user_id) INTO uids FROM role_grants g
    WHERE g.unit_code IN (SELECT code FROM old_rows)
      AND g.role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  ELSE
    SELECT array_agg(DISTINCT g.user_id) INTO uids FROM role_grants g
    WHERE g.unit_code IN (
        SELECT n.code FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.code, n.province_code, n.valid_from, n.valid_to) IS DISTINCT FROM
          (o.code, o.province_code, o.valid_from, o.valid_to)
        UNION SELECT o.code FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.code <> n.code)
      AND g.role IN ('reception', 'specialist', 'department_head', 'leader', 'center_director');
  END IF;
  PERFORM staff_province_refresh(uids);
  RETURN NULL;
END $$;

CREATE TRIGGER admin_units_keep_staff_ins AFTER INSERT ON admin_units
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_units_keep_staff();
CREATE TRIGGER admin_units_keep_staff_del AFTER DELETE ON admin_units
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_units_keep_staff();
CREATE TRIGGER admin_units_keep_staff_upd AFTER UPDATE ON admin_units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_units_keep_staff();

-- Both tables rebuilt from the grants (under a lock that makes grant and unit writers wait). Returns the span rows.
CREATE FUNCTION staff_province_recount() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  LOCK TABLE staff_province_spans, staff_province_day_totals IN EXCLUSIVE MODE;
  LOCK TABLE role_grants, admin_units IN SHARE MODE;
  DELETE FROM staff_province_day_totals;
  DELETE FROM staff_province_spans;
  INSERT INTO staff_province_spans (user_id, province_code, valid_from, valid_to, multi)
  SELECT user_id, province_code, valid_from, valid_to, multi FROM staff_province_spans_source;
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO staff_province_day_totals (province_code, day, starts, ends)
  SELECT province_code, day, sum(starts)::int, sum(ends)::int FROM (
    SELECT province_code, valid_from AS day, 1 AS starts, 0 AS ends FROM staff_province_spans
    UNION ALL SELECT province_code, valid_to, 0, 1 FROM staff_province_spans WHERE valid_to IS NOT NULL) e
  GROUP BY province_code, day;
  RETURN n;
END $$;

SELECT staff_province_recount();
