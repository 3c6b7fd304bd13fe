-- Issue 15, session 5: the officials' inbox and a busy commune's dossier list at a province's volume. The list's
-- scope was one three-column OR (receiving unit, competent unit, province) that read every dossier of the scope
-- through a BitmapOr, then counted and sorted them all. The list now reads each column of the scope as its own
-- branch (dossier-list.ts), each an index range scan in the list's order that stops at the page's end:
--   by the receiving unit, by the province, and by the competent unit only where it differs from the receiving
--   unit (a dossier handled where it was received is found by the first branch already; this one stays small);
-- and the open dossiers (the default view and the inbox: a small share of all) by the same keys and by due date
-- (the overdue and due-soon views), so their pages and counts never touch the closed ones.
CREATE INDEX dossiers_receiving_list_idx ON dossiers (receiving_unit_code, submitted_at DESC, id);

CREATE INDEX dossiers_province_list_idx ON dossiers (province_code, submitted_at DESC, id);

CREATE INDEX dossiers_competent_other_list_idx ON dossiers (competent_unit_code, submitted_at DESC, id)
  WHERE competent_unit_code <> receiving_unit_code;

CREATE INDEX dossiers_receiving_open_list_idx ON dossiers (receiving_unit_code, submitted_at DESC, id)
  WHERE status NOT IN ('returned', 'refused', 'withdrawn', 'stopped');

CREATE INDEX dossiers_province_open_list_idx ON dossiers (province_code, submitted_at DESC, id)
  WHERE status NOT IN ('returned', 'refused', 'withdrawn', 'stopped');

CREATE INDEX dossiers_receiving_open_due_idx ON dossiers (receiving_unit_code, due_at, id)
  WHERE status NOT IN ('returned', 'refused', 'withdrawn', 'stopped');

CREATE INDEX dossiers_province_open_due_idx ON dossiers (province_code, due_at, id)
  WHERE status NOT IN ('returned', 'refused', 'withdrawn', 'stopped');
