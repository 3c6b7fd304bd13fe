-- Issue 15 (session 6): the open dossiers by today's unit and due day (0160's dossier_open_due_totals) are no longer
-- read: the dashboard splits the open dossiers by due time at read time, exactly (supervision-open-due.repository.ts,
-- index of 0310). Keeping the table cost every write that changes a dossier's status, due date or unit an upsert
-- (and a take-away) on it, and the recount a pass over the open dossiers. Gone: the table, its part of
-- dossier_aggregates_apply (below: 0160's function without it), the recount's step 3 and its function.

-- 0160's contribution of one dossier row, without the open-due upsert.
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

-- 0305's whole recount, without the open-due step.
CREATE OR REPLACE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date;
BEGIN
  PERFORM dossier_aggregates_recount_entries('00000000-0000-0000-0000-000000000000', NULL);
  FOR m IN SELECT * FROM dossier_aggregates_recount_months() LOOP
    PERFORM dossier_aggregates_recount_month(m);
  END LOOP;
END $$;

DROP FUNCTION dossier_aggregates_recount_open_due();
DROP TABLE dossier_open_due_totals;
