-- Issue 15 (the scheduled monthly report per province): the province's month as a supervisor hands it up, one
-- XLSX (a sheet per table) and one PDF, generated once per province and month by the API's scheduled job (or an
-- administrator) and downloaded from the reports page. The row is claimed ('running') before the figures are read
-- and completed ('done', with both files) in one transaction with its audit row; a failed generation keeps its
-- error and may be claimed again. The files are small (tens of kilobytes) and are kept in the row.
CREATE TABLE monthly_report_files (
  province_code text NOT NULL,
  month date NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  requested_by uuid NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NULL,
  error text NULL,
  xlsx bytea NULL,
  pdf bytea NULL,
  PRIMARY KEY (province_code, month),
  CHECK (status <> 'done' OR (xlsx IS NOT NULL AND pdf IS NOT NULL AND finished_at IS NOT NULL))
);
