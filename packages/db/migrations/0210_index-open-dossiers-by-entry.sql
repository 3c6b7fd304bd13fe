-- Issue 15 (supervision pages): the dashboards' on-time rate is the 766 index's indicator 2.1, which needs, among
-- the dossiers that entered in a period, those still in progress that are overdue now or have no deadline. The
-- aggregates hold in-progress dossiers as one count (which of them are overdue changes with the clock, not with a
-- write), so that split is read from the open dossiers. These partial indexes hold only open dossiers (a small
-- share of all), keyed like the aggregates: by the unit at entry and by today's unit.
CREATE INDEX dossiers_open_entry_idx
  ON dossiers (entry_province_code, entry_unit_code, entry_at) INCLUDE (status, due_at)
  WHERE status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped');

CREATE INDEX dossiers_open_current_idx
  ON dossiers (province_code, receiving_unit_code, entry_at) INCLUDE (status, due_at)
  WHERE status NOT IN ('result_ready', 'returned', 'refused', 'withdrawn', 'stopped');
