-- Open dossiers follow a boundary change: the units feature's re-homing registry moves the receiving and
-- competent unit of every dossier still in progress to the successor unit (finished dossiers keep the unit
-- of their time, for statistics).
INSERT INTO rehoming_owners (table_name, column_name, key_column, open_condition, strategy, feature, description) VALUES
  ('dossiers', 'receiving_unit_code', 'id', 'finished_at IS NULL', 'update', 'dossiers',
   'Open dossiers: the result is returned at the successor of the receiving center.'),
  ('dossiers', 'competent_unit_code', 'id', 'finished_at IS NULL', 'update', 'dossiers',
   'Open dossiers: handled by the successor of the competent unit.');
