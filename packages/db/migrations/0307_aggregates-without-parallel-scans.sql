-- Dashboard reads touch a few thousand aggregate rows through indexes. Measured on the province preset (issue 15,
-- session 5): with five parts in a ragged period's UNION ALL the planner chose a Parallel Append with two workers,
-- whose start-up on a busy machine cost more than the read (798 ms for 12,000 rows, most of it before the first
-- row). The aggregate tables are never worth a parallel scan: no workers for them (the recount's batches too).
ALTER TABLE dossier_unit_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_province_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_procedure_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_procedure_province_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_unit_week_totals SET (parallel_workers = 0);
ALTER TABLE dossier_province_week_totals SET (parallel_workers = 0);
ALTER TABLE dossier_procedure_week_totals SET (parallel_workers = 0);
ALTER TABLE dossier_unit_month_totals SET (parallel_workers = 0);
ALTER TABLE dossier_province_month_totals SET (parallel_workers = 0);
ALTER TABLE dossier_procedure_month_totals SET (parallel_workers = 0);
ALTER TABLE dossier_nation_day_totals SET (parallel_workers = 0);
ALTER TABLE dossier_open_due_totals SET (parallel_workers = 0);
