-- Issue 15 (session 7): the generator's bulk load writes millions of dossiers and actions; keeping the 20 secondary
-- indexes of `dossiers` and the 3 of `dossier_actions` up to date row by row costs more than the rows themselves, so
-- a large run drops them and builds them again (one sort each) once the rows are in. The definitions are kept here
-- between the drop and the rebuild, in the drop's transaction, so a run that stops half-way (killed, disk full)
-- leaves them on record: the next run of the generator builds them first (generated-dossiers.repository.ts,
-- restoreDeferredIndexes). Empty at rest.
CREATE TABLE bulk_load_deferred_indexes (
  name        text PRIMARY KEY,
  table_name  text NOT NULL,
  definition  text NOT NULL,
  deferred_at timestamptz NOT NULL DEFAULT now()
);
