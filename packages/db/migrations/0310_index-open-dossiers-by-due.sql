-- Issue 15 (the dashboard's exact "due soon"): the in-progress split of a dashboard (overdue / due soon / undue /
-- paused, by today's unit) is read at request time from the open dossiers with a deadline, against the due-soon
-- mark of each handling unit's calendar. This partial index holds only open dossiers with a deadline, by today's
-- unit and due instant, with the status and handling unit the split reads (an index-only scan).
CREATE INDEX dossiers_open_due_unit_idx
  ON dossiers (province_code, receiving_unit_code, due_at) INCLUDE (status, competent_unit_code)
  WHERE status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped') AND due_at IS NOT NULL;
