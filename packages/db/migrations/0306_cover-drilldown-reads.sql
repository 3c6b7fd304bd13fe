-- The drill-down below a commune (issue 15) reads a commune's dossiers entered in a period and, for each, the
-- officials who acted on it. Measured on the province preset (the busiest commune, 2,335 dossiers in a month): the
-- time went into heap visits, one dossier row and ≈ 2 action pages per dossier (≈ 12,000 buffers). Both reads become
-- index-only:
-- * the dossiers by unit at entry: 0160's (entry_unit_code, entry_at) index now carries the columns the drill-down
--   shows and folds (same key, so every query that used it still can);
-- * the actions by dossier: the primary key's index carries the actor and the role (same key and uniqueness; no
--   extra index for the writers to keep up).
-- Index-only scans need the visibility map: autovacuum keeps it for these append-mostly tables.
CREATE INDEX dossiers_entry_unit_cover_idx ON dossiers (entry_unit_code, entry_at)
  INCLUDE (id, code, status, due_at, finished_at, procedure_code, current_assignee_id);
DROP INDEX dossiers_entry_unit_idx;
ALTER INDEX dossiers_entry_unit_cover_idx RENAME TO dossiers_entry_unit_idx;

CREATE UNIQUE INDEX dossier_actions_pkey_cover ON dossier_actions (dossier_id, seq) INCLUDE (actor_user_id, actor_role);
ALTER TABLE dossier_actions DROP CONSTRAINT dossier_actions_pkey,
  ADD CONSTRAINT dossier_actions_pkey PRIMARY KEY USING INDEX dossier_actions_pkey_cover;
