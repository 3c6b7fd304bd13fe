-- Issue 15 (session 7): the workload's per-unit read of a commune's months (received in whole months of the period,
-- open dossiers over all its months) by the unit, as the day table's dossier_unit_day_totals_unit_idx does; the
-- month table's key starts with the province.
CREATE INDEX dossier_unit_month_totals_unit_idx ON dossier_unit_month_totals (perspective, unit_code, month);
