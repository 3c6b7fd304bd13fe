-- The nation's procedure table (issue 15, session 8). The nation summed the per-province procedure rows of its
-- period: over 10 Jul – 20 Nov that is 34 provinces × ≈ 270 procedures × (3 months + 5 week segments + 8 days),
-- up to 146,000 rows (125 ms p95 on the national preset at 0.3). These are the same sums without the province:
-- one row per grain ('m' month, 'w' week segment, 'd' day), start, procedure and shard, kept by row triggers on the
-- three per-province tables (dossier_procedure_month_totals, _week_totals, _province_day_totals), so every change of
-- a province row — a dossier's write through dossier_aggregates_apply_*, or the recount's delete and insert of a
-- month — changes the nation row by the same amount in the same transaction. Nothing else writes here.
-- Four shards by the province (abs(hashtext(province_code)) % 4): writers of different provinces on the same
-- procedure and day meet on a quarter of the rows; writers of one province already meet on its own row.
CREATE TABLE dossier_procedure_nation_totals (
  grain                  char(1) NOT NULL CHECK (grain IN ('m', 'w', 'd')),
  start                  date NOT NULL,
  procedure_code         text NOT NULL,
  shard                  smallint NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  finished_late          integer NOT NULL DEFAULT 0,
  refused                integer NOT NULL DEFAULT 0,
  supplemented_dossiers  integer NOT NULL DEFAULT 0,
  processing_hours_sum   double precision NOT NULL DEFAULT 0,
  processed_count        integer NOT NULL DEFAULT 0,
  limit_days_sum         double precision NOT NULL DEFAULT 0,
  limit_count            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, start, procedure_code, shard)
);
ALTER TABLE dossier_procedure_nation_totals SET (parallel_workers = 0);

-- Adds n − o (o null: n alone; n null: − o) to the nation row of the province row's grain and start. PL/pgSQL, not
-- SQL: a SQL function's INSERT is planned again at every call (measured: a month's recount took twice as long),
-- PL/pgSQL keeps the statement's plan for the session.
CREATE FUNCTION dossier_procedure_nation_add(g char, s date, o jsonb, n jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := coalesce(n, o);
BEGIN
  INSERT INTO dossier_procedure_nation_totals AS t VALUES (g, s, r->>'procedure_code',
    abs(hashtext(r->>'province_code')) % 4,
    coalesce((n->>'received')::int, 0) - coalesce((o->>'received')::int, 0),
    coalesce((n->>'finished_late')::int, 0) - coalesce((o->>'finished_late')::int, 0),
    coalesce((n->>'refused')::int, 0) - coalesce((o->>'refused')::int, 0),
    coalesce((n->>'supplemented_dossiers')::int, 0) - coalesce((o->>'supplemented_dossiers')::int, 0),
    coalesce((n->>'processing_hours_sum')::float8, 0) - coalesce((o->>'processing_hours_sum')::float8, 0),
    coalesce((n->>'processed_count')::int, 0) - coalesce((o->>'processed_count')::int, 0),
    coalesce((n->>'limit_days_sum')::float8, 0) - coalesce((o->>'limit_days_sum')::float8, 0),
    coalesce((n->>'limit_count')::int, 0) - coalesce((o->>'limit_count')::int, 0))
  ON CONFLICT (grain, start, procedure_code, shard) DO UPDATE SET
    received = t.received + excluded.received, finished_late = t.finished_late + excluded.finished_late,
    refused = t.refused + excluded.refused,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count,
    limit_days_sum = t.limit_days_sum + excluded.limit_days_sum, limit_count = t.limit_count + excluded.limit_count;
END $$;

-- TG_ARGV[0]: the grain, TG_ARGV[1]: the province table's date column (month, week or day).
CREATE FUNCTION dossier_procedure_nation_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
  IF o IS NOT NULL AND n IS NOT NULL AND (o->>TG_ARGV[1], o->>'procedure_code', o->>'province_code')
     IS DISTINCT FROM (n->>TG_ARGV[1], n->>'procedure_code', n->>'province_code') THEN
    -- a key changed (no writer does this): take the old row away and add the new one
    PERFORM dossier_procedure_nation_add(TG_ARGV[0]::char, (o->>TG_ARGV[1])::date, o, NULL);
    o := NULL;
  END IF;
  PERFORM dossier_procedure_nation_add(TG_ARGV[0]::char, (coalesce(n, o)->>TG_ARGV[1])::date, o, n);
  RETURN NULL;
END $$;

CREATE TRIGGER dossier_procedure_month_totals_nation AFTER INSERT OR UPDATE OR DELETE ON dossier_procedure_month_totals
  FOR EACH ROW EXECUTE FUNCTION dossier_procedure_nation_follow('m', 'month');
CREATE TRIGGER dossier_procedure_week_totals_nation AFTER INSERT OR UPDATE OR DELETE ON dossier_procedure_week_totals
  FOR EACH ROW EXECUTE FUNCTION dossier_procedure_nation_follow('w', 'week');
CREATE TRIGGER dossier_procedure_province_day_totals_nation
  AFTER INSERT OR UPDATE OR DELETE ON dossier_procedure_province_day_totals
  FOR EACH ROW EXECUTE FUNCTION dossier_procedure_nation_follow('d', 'day');

-- The rows written so far (the triggers above keep them from now on; the recount's writes go through them too).
INSERT INTO dossier_procedure_nation_totals
SELECT grain, start, procedure_code, shard, sum(received), sum(finished_late), sum(refused),
  sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
FROM (
  SELECT 'm' AS grain, month AS start, procedure_code, abs(hashtext(province_code)) % 4 AS shard, received,
    finished_late, refused, supplemented_dossiers, processing_hours_sum, processed_count, limit_days_sum, limit_count
  FROM dossier_procedure_month_totals
  UNION ALL
  SELECT 'w', week, procedure_code, abs(hashtext(province_code)) % 4, received, finished_late, refused,
    supplemented_dossiers, processing_hours_sum, processed_count, limit_days_sum, limit_count
  FROM dossier_procedure_week_totals
  UNION ALL
  SELECT 'd', day, procedure_code, abs(hashtext(province_code)) % 4, received, finished_late, refused,
    supplemented_dossiers, processing_hours_sum, processed_count, limit_days_sum, limit_count
  FROM dossier_procedure_province_day_totals
) x
GROUP BY grain, start, procedure_code, shard;
