-- Issue 15 (session 7): the workload's backlog by day from kept totals. The backlog at a day's end is the dossiers of
-- the scope that entered by then less those closed by then (the projection's `finished_at`: first result issued,
-- refusal, withdrawal, stop or return); the read summed every dossier of the scope entered before the period's end
-- (a province's: 641,176 dossiers on the province preset). Now, per scope (the entry province, the entry unit when it
-- is not the province itself, and 'VN', as 0355), Vietnamese day and shard: how many dossiers entered that day and
-- how many of the scope's dossiers closed that day. The backlog is the running sum of entered − closed.
--
-- Kept by a trigger on dossiers (its entry and finish columns) in the writing transaction: the old row's
-- contribution taken away, the new one's added (sharded UPSERT increments, as 0160). Bulk writers switch it off with
-- the other aggregates (motcua.aggregates_off) and the recount (dossier_backlog_recount) rebuilds it from the dossiers.

CREATE TABLE dossier_backlog_day_totals (
  scope_code  text NOT NULL,
  day         date NOT NULL,
  shard       smallint NOT NULL,
  entered     integer NOT NULL DEFAULT 0,
  closed      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (scope_code, day, shard)
);
ALTER TABLE dossier_backlog_day_totals SET (parallel_workers = 0);

-- Add (sign 1) or take away (sign -1) a dossier's contribution: its entry day (unless p_entry is false: the entry did
-- not change, only the closing) and, once closed, its closing day.
CREATE FUNCTION dossier_backlog_apply(p_id uuid, p_unit text, p_province text, p_entry_at timestamptz,
                                      p_finished_at timestamptz, p_sign integer, p_entry boolean DEFAULT true)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_code text;
  v_shard smallint;
BEGIN
  IF p_entry_at IS NULL OR p_province IS NULL THEN RETURN; END IF;
  FOREACH v_code IN ARRAY CASE WHEN p_unit IS NOT NULL AND p_unit <> p_province
                               THEN ARRAY[p_province, p_unit, 'VN'] ELSE ARRAY[p_province, 'VN'] END LOOP
    v_shard := CASE WHEN v_code = 'VN' THEN abs(hashtext(p_id::text)) % 4
                    WHEN v_code = p_province THEN abs(hashtext(p_id::text)) % 2 ELSE 0 END;
    IF p_entry THEN
      INSERT INTO dossier_backlog_day_totals AS t VALUES (v_code, dossier_vn_day(p_entry_at), v_shard, p_sign, 0)
      ON CONFLICT (scope_code, day, shard) DO UPDATE SET entered = t.entered + excluded.entered;
    END IF;
    IF p_finished_at IS NOT NULL THEN
      INSERT INTO dossier_backlog_day_totals AS t VALUES (v_code, dossier_vn_day(p_finished_at), v_shard, 0, p_sign)
      ON CONFLICT (scope_code, day, shard) DO UPDATE SET closed = t.closed + excluded.closed;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION dossiers_maintain_backlog() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_same boolean := false;
BEGIN
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' THEN
      entry_same := (OLD.entry_unit_code, OLD.entry_province_code, OLD.entry_at)
                    IS NOT DISTINCT FROM (NEW.entry_unit_code, NEW.entry_province_code, NEW.entry_at);
      IF entry_same AND OLD.finished_at IS NOT DISTINCT FROM NEW.finished_at THEN RETURN NULL; END IF;
    END IF;
    PERFORM dossier_backlog_apply(OLD.id, OLD.entry_unit_code, OLD.entry_province_code, OLD.entry_at,
                                  OLD.finished_at, -1, NOT entry_same);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dossier_backlog_apply(NEW.id, NEW.entry_unit_code, NEW.entry_province_code, NEW.entry_at,
                                  NEW.finished_at, 1, NOT entry_same);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_backlog AFTER INSERT OR DELETE OR UPDATE OF entry_unit_code, entry_province_code, entry_at,
  finished_at ON dossiers FOR EACH ROW EXECUTE FUNCTION dossiers_maintain_backlog();

-- Rebuild from the dossiers' rows (the recount's last step, after the entries are rebuilt from the log), under a
-- lock that lets readers read and makes writers wait. Returns the number of rows.
CREATE FUNCTION dossier_backlog_recount() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  rows_n integer;
BEGIN
  LOCK TABLE dossier_backlog_day_totals IN EXCLUSIVE MODE;
  DELETE FROM dossier_backlog_day_totals;
  INSERT INTO dossier_backlog_day_totals (scope_code, day, shard, entered, closed)
  SELECT c.code, e.day, c.shard, sum(e.entered)::int, sum(e.closed)::int
  FROM dossiers d
  CROSS JOIN LATERAL (VALUES (d.entry_province_code, (abs(hashtext(d.id::text)) % 2)::smallint),
                             ('VN', (abs(hashtext(d.id::text)) % 4)::smallint),
                             (CASE WHEN d.entry_unit_code <> d.entry_province_code THEN d.entry_unit_code END,
                              0::smallint)) c(code, shard)
  CROSS JOIN LATERAL (VALUES (dossier_vn_day(d.entry_at), 1, 0), (dossier_vn_day(d.finished_at), 0, 1))
    e(day, entered, closed)
  WHERE d.entry_at IS NOT NULL AND d.entry_province_code IS NOT NULL AND c.code IS NOT NULL AND e.day IS NOT NULL
  GROUP BY 1, 2, 3;
  GET DIAGNOSTICS rows_n = ROW_COUNT;
  RETURN rows_n;
END $$;

SELECT dossier_backlog_recount();
