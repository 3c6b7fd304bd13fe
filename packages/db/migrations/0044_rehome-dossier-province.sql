-- A dossier re-homed to a unit of another province moves to that province too (lists and reads are scoped by it).
UPDATE rehoming_owners SET province_column = 'province_code'
WHERE table_name = 'dossiers' AND column_name = 'receiving_unit_code';
