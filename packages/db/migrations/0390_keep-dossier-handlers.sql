-- The drill-down below a commune (issue 15) counts each dossier for every official who acted on it (or holds it
-- now). It read every dossier of the commune entered in the period and, per dossier, its actions: 535 / 773 ms p50 /
-- p95 for a busy commune's five months at 10×. This keeps who acted on which dossier, once per (dossier, official),
-- with the dossier's unit and instant at entry, so one index range gives a commune's period and the counts are made
-- in SQL (the dossier's status, deadline and finish are read from the entry index of 0306, index-only).
--
-- Written when an action is (an official's first action on a dossier inserts a row; the others find it by key), and
-- moved with the dossier's entry if that is rewritten (the entry trigger of 0160/0240, the recount). Bulk writers
-- (the generator's trigger-less batches) leave it to the recount: dossier_handlers_recount(lo, hi) by id range.
-- The current holder is not kept here (it changes without an action); the reads add dossiers.current_assignee_id.
CREATE TABLE dossier_handlers (
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  entry_unit_code text,
  entry_at timestamptz,
  PRIMARY KEY (dossier_id, user_id)
);
CREATE INDEX dossier_handlers_entry_idx ON dossier_handlers (entry_unit_code, entry_at) INCLUDE (dossier_id, user_id);

-- A row trigger, and only for officials' actions: measured per statement (a transition table) it cost a receipt
-- ≈ 0.3 ms more backend CPU (the statement is planned at each call); per row, no difference beyond noise. The price
-- is paid by bulk statements of actions with triggers on (a test's copy on PGlite: 14 → 26 s).
CREATE FUNCTION dossier_handlers_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_handlers (dossier_id, user_id, entry_unit_code, entry_at)
  SELECT d.id, NEW.actor_user_id, d.entry_unit_code, d.entry_at FROM dossiers d WHERE d.id = NEW.dossier_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
-- named to fire after dossier_actions_aggregates (same event, alphabetical order), which writes the entry of seq 1
CREATE TRIGGER dossier_actions_handlers AFTER INSERT ON dossier_actions
  FOR EACH ROW WHEN (NEW.actor_user_id IS NOT NULL AND NEW.actor_role <> 'citizen')
  EXECUTE FUNCTION dossier_handlers_keep();

CREATE FUNCTION dossier_handlers_follow_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dossier_handlers SET entry_unit_code = NEW.entry_unit_code, entry_at = NEW.entry_at
  WHERE dossier_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER dossiers_handlers_entry AFTER UPDATE OF entry_unit_code, entry_at ON dossiers
  FOR EACH ROW WHEN ((OLD.entry_unit_code, OLD.entry_at) IS DISTINCT FROM (NEW.entry_unit_code, NEW.entry_at))
  EXECUTE FUNCTION dossier_handlers_follow_entry();

-- Rebuild the rows of the dossiers with lo <= id < hi (hi null: no bound) from their logs; returns the rows kept.
CREATE FUNCTION dossier_handlers_recount(lo uuid, hi uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  DELETE FROM dossier_handlers WHERE dossier_id >= lo AND (hi IS NULL OR dossier_id < hi);
  INSERT INTO dossier_handlers (dossier_id, user_id, entry_unit_code, entry_at)
  SELECT d.id, h.user_id, d.entry_unit_code, d.entry_at
  FROM (SELECT DISTINCT a.dossier_id, a.actor_user_id AS user_id FROM dossier_actions a
        WHERE a.dossier_id >= lo AND (hi IS NULL OR a.dossier_id < hi)
          AND a.actor_user_id IS NOT NULL AND a.actor_role <> 'citizen') h
  JOIN dossiers d ON d.id = h.dossier_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

SELECT dossier_handlers_recount('00000000-0000-0000-0000-000000000000', NULL);
