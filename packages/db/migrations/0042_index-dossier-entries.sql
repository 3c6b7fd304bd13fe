-- Entry of each dossier into the system: the first action of its log (submitted or received), with the unit
-- and province of that moment. The log is immutable, so supervisors' aggregates are reported by the unit at
-- the time of receipt even after re-homing has moved an open dossier to a successor unit.
CREATE INDEX dossier_actions_entry_unit_idx ON dossier_actions (unit_code, at) WHERE seq = 1;
CREATE INDEX dossier_actions_entry_province_idx ON dossier_actions (province_code, at) WHERE seq = 1;
