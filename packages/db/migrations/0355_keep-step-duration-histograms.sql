-- Issue 15 (session 7): the workload's median time per step from kept histograms. 0321 made the read an index range
-- over the scope's completions, but an exact median still sorts every completion of a province or the nation
-- (0.57 s for a province's five months). The durations are now also counted per scope, Vietnamese day (and month),
-- step and duration bucket, so a scope and period reads a few hundred rows and the median is found in its bucket.
--
-- Buckets are log-spaced: bucket k >= 0 holds [1 min × 2^(k/16), 1 min × 2^((k+1)/16)) in hours; bucket -1 holds
-- durations under one minute (and any negative one). Core's `medianFromHistogram` (packages/core, workload) places
-- the median rank in its bucket and interpolates inside it, so the figure is in the same bucket as the exact
-- median: relative error under 2^(1/16) − 1 ≈ 4.4 % (under one minute absolute below one minute).
--
-- A scope is the entry province, the entry unit when it is not the province itself (so a scope code counts each
-- completion once, as the read's "unit = code or province = code"), and 'VN'. Rows are sharded like the other
-- aggregates (province 2, nation 4) so a busy day's bucket is not one hot row.
--
-- Maintained from dossier_step_durations by statement triggers with transition tables (insert +1, delete −1,
-- update both): whatever writes the durations — 0321's trigger on each action, its recount by id range, the
-- generator's recount — moves the histograms in the same transaction, one grouped UPSERT per statement. The
-- aggregates_off switch is not consulted: the histograms follow the durations table, which that switch already
-- governs. dossier_step_hist_recount() rebuilds them from the durations (the recount command's last step).

CREATE FUNCTION dossier_step_bucket(hours double precision) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN hours IS NULL OR hours < 1.0 / 60 THEN -1
    ELSE least(32000, floor(16 * ln(hours * 60) / ln(2)))::smallint END
$$;

CREATE TABLE dossier_step_hist_days (
  scope_code  text NOT NULL,
  day         date NOT NULL,
  step        integer NOT NULL,
  bucket      smallint NOT NULL,
  shard       smallint NOT NULL,
  n           integer NOT NULL,
  PRIMARY KEY (scope_code, day, step, bucket, shard)
);
CREATE TABLE dossier_step_hist_months (
  scope_code  text NOT NULL,
  month       date NOT NULL CHECK (month = date_trunc('month', month)::date),
  step        integer NOT NULL,
  bucket      smallint NOT NULL,
  shard       smallint NOT NULL,
  n           integer NOT NULL,
  PRIMARY KEY (scope_code, month, step, bucket, shard)
);
ALTER TABLE dossier_step_hist_days SET (parallel_workers = 0);
ALTER TABLE dossier_step_hist_months SET (parallel_workers = 0);

-- The UPSERT that adds a set of duration rows to both histograms: `src` is a query of dossier_step_durations' columns
-- plus `sign` (1 to add, -1 to take away). Grouped, in key order (two statements lock their rows in the same order).
-- Built as text so that the trigger can run it over its transition tables (visible to its own EXECUTE only).
CREATE FUNCTION dossier_step_hist_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    WITH d AS (
      SELECT x.dossier_id, x.entry_unit_code AS unit_code, x.entry_province_code AS province_code,
        coalesce(x.step, -1) AS step, dossier_vn_day(x.at) AS day, dossier_step_bucket(x.hours) AS bucket, x.sign
      FROM (%s) x
    ), s AS (
      SELECT province_code AS scope_code, day, step, bucket, (abs(hashtext(dossier_id::text)) %% 2)::smallint AS shard,
        sign FROM d
      UNION ALL
      SELECT unit_code, day, step, bucket, 0::smallint, sign FROM d WHERE unit_code <> province_code
      UNION ALL
      SELECT 'VN', day, step, bucket, (abs(hashtext(dossier_id::text)) %% 4)::smallint, sign FROM d
    ), g AS (
      SELECT scope_code, day, step, bucket, shard, sum(sign)::int AS n FROM s
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0
    ), days AS (
      INSERT INTO dossier_step_hist_days AS t SELECT * FROM g ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (scope_code, day, step, bucket, shard) DO UPDATE SET n = t.n + excluded.n
    )
    INSERT INTO dossier_step_hist_months AS t
      SELECT scope_code, date_trunc('month', day)::date, step, bucket, shard, sum(n)::int FROM g
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (scope_code, month, step, bucket, shard) DO UPDATE SET n = t.n + excluded.n
  $q$, src)
$f$;

CREATE FUNCTION dossier_step_durations_hist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'dossier_id, entry_unit_code, entry_province_code, step, at, hours';
BEGIN
  EXECUTE dossier_step_hist_sql(CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
    ELSE format('SELECT %s, -1 AS sign FROM old_rows UNION ALL SELECT %s, 1 FROM new_rows', cols, cols) END);
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_step_durations_hist_ins AFTER INSERT ON dossier_step_durations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_step_durations_hist();
CREATE TRIGGER dossier_step_durations_hist_del AFTER DELETE ON dossier_step_durations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_step_durations_hist();
CREATE TRIGGER dossier_step_durations_hist_upd AFTER UPDATE ON dossier_step_durations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION dossier_step_durations_hist();

-- Rebuild both histograms from the durations, under a lock that lets readers read and makes writers wait (a writer
-- whose duration row is not committed yet adds its delta after the rebuild, on the rebuilt rows). Returns the
-- number of day rows.
CREATE FUNCTION dossier_step_hist_recount() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  rows_n integer;
BEGIN
  LOCK TABLE dossier_step_hist_days, dossier_step_hist_months IN EXCLUSIVE MODE;
  DELETE FROM dossier_step_hist_days;
  DELETE FROM dossier_step_hist_months;
  EXECUTE dossier_step_hist_sql(
    'SELECT dossier_id, entry_unit_code, entry_province_code, step, at, hours, 1 AS sign FROM dossier_step_durations');
  SELECT count(*) INTO rows_n FROM dossier_step_hist_days;
  RETURN rows_n;
END $$;

SELECT dossier_step_hist_recount();
