-- A re-homed record may also carry the province of its unit (e.g. dossiers.province_code): when its unit moves to a
-- successor in another province, that column follows. NULL: the table keeps no province beside the unit.
ALTER TABLE rehoming_owners ADD COLUMN province_column text;
