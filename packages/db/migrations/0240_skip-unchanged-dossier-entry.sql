-- Issue 9: the receipt writes the dossier's entry (the log's first action: unit, province, instant) with the
-- dossier's own row, so the action trigger of migration 0160 no longer needs to rewrite that row: an UPDATE of a
-- just-inserted dossier made a second row version, updated every index of the table and ran the aggregates
-- trigger again (about a fifth of the receipt's database time). The trigger now writes the entry only when it
-- differs, so writers that do not set it (portal import, generator, older paths) are counted as before.
CREATE OR REPLACE FUNCTION dossier_actions_feed_aggregates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Bulk writers (the generator) switch both triggers off for their transaction and recount afterwards.
  IF coalesce(current_setting('motcua.aggregates_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF NEW.seq = 1 THEN
    UPDATE dossiers SET entry_unit_code = NEW.unit_code, entry_province_code = NEW.province_code, entry_at = NEW.at
    WHERE id = NEW.dossier_id
      AND (entry_unit_code, entry_province_code, entry_at) IS DISTINCT FROM (NEW.unit_code, NEW.province_code, NEW.at);
  END IF;
  IF NEW.type = 'supplement_requested' THEN
    UPDATE dossiers SET supplement_count = supplement_count + 1 WHERE id = NEW.dossier_id;
  ELSIF NEW.type = 'rated' THEN
    UPDATE dossiers SET rating_level = (NEW.data ->> 'level')::smallint WHERE id = NEW.dossier_id;
  END IF;
  RETURN NULL;
END $$;
