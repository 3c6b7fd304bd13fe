-- Partial months at a period's ends (issue 15, measured on TP HCM's full volume, 641,176 dossiers):
-- * a province's communes over some days read the unit-day table by province and day; its key is by unit first,
--   so the read walked every day of the province (133 ms p50 for 10 Jul – 20 Nov): an index by province and day;
-- * the nation's and a province's procedure table over some days summed unit-day-procedure rows (≈ 20 a commune
--   and day: 190 ms p50): a table per province, day and procedure, kept by the same trigger and rebuilt by the
--   recount from the unit rows.
CREATE INDEX dossier_unit_day_totals_province_day_idx ON dossier_unit_day_totals (perspective, province_code, day);

CREATE TABLE dossier_procedure_province_day_totals (
  province_code          text NOT NULL,
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
  PRIMARY KEY (province_code, day, procedure_code)
);
CREATE INDEX dossier_procedure_province_day_totals_day_idx ON dossier_procedure_province_day_totals (day);

CREATE FUNCTION dossier_aggregates_apply_province_procedures(d dossiers, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  fin boolean := d.status IN ('result_ready', 'returned');
  no_deadline boolean := fin AND (d.due_at IS NULL OR d.finished_at IS NULL);
  processed boolean := fin AND d.finished_at IS NOT NULL;
BEGIN
  IF d.entry_at IS NULL THEN RETURN; END IF;
  INSERT INTO dossier_procedure_province_day_totals AS t VALUES
    (d.entry_province_code, dossier_vn_day(d.entry_at), d.procedure_code, sign,
     sign * (fin AND NOT no_deadline AND d.finished_at > d.due_at)::int, sign * (d.status = 'refused')::int,
     sign * (d.supplement_count > 0)::int,
     sign * CASE WHEN processed THEN extract(epoch FROM d.finished_at - d.entry_at) / 3600.0 ELSE 0 END,
     sign * processed::int,
     sign * CASE WHEN processed AND d.duration_unit = 'working_days' THEN d.duration_value::double precision ELSE 0 END,
     sign * (processed AND d.duration_unit = 'working_days')::int)
  ON CONFLICT (province_code, day, procedure_code) DO UPDATE SET
    received = t.received + excluded.received, finished_late = t.finished_late + excluded.finished_late,
    refused = t.refused + excluded.refused,
    supplemented_dossiers = t.supplemented_dossiers + excluded.supplemented_dossiers,
    processing_hours_sum = t.processing_hours_sum + excluded.processing_hours_sum,
    processed_count = t.processed_count + excluded.processed_count,
    limit_days_sum = t.limit_days_sum + excluded.limit_days_sum, limit_count = t.limit_count + excluded.limit_count;
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
  PERFORM dossier_aggregates_apply_province_procedures(NEW, 1);
  RETURN NULL;
END $$;

CREATE FUNCTION dossier_aggregates_roll_up_province_procedures() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_procedure_province_day_totals;
  INSERT INTO dossier_procedure_province_day_totals
    SELECT province_code, day, procedure_code, sum(received), sum(finished_late), sum(refused),
      sum(supplemented_dossiers), sum(processing_hours_sum), sum(processed_count), sum(limit_days_sum), sum(limit_count)
    FROM dossier_procedure_day_totals GROUP BY 1, 2, 3;
END $$;

CREATE OR REPLACE FUNCTION dossier_aggregates_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dossier_aggregates_recount_days();
  PERFORM dossier_aggregates_roll_up_months();
  PERFORM dossier_aggregates_roll_up_province_procedures();
  DELETE FROM dossier_nation_day_totals;
  INSERT INTO dossier_nation_day_totals
    SELECT dossier_vn_day(entry_at), channel, abs(hashtext(id::text)) % 8, count(*)
    FROM dossiers WHERE entry_at IS NOT NULL GROUP BY 1, 2, 3;
END $$;

SELECT dossier_aggregates_roll_up_province_procedures();
