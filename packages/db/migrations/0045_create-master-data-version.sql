-- A counter bumped by every statement that changes master data the dossier path reads (units, calendars,
-- procedures and their per-unit configuration). Processes cache that data keyed by this version, read with
-- the session on every request, so a change made by any process is seen by the next request of every other
-- process, without re-reading the master data itself.
CREATE TABLE master_data_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO master_data_version (id, version) VALUES (true, 1);

CREATE FUNCTION bump_master_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE master_data_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER admin_units_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER admin_unit_aliases_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER calendar_schedules_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_schedules
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER calendar_entries_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_entries
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER calendar_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_settings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER procedures_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedures
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER procedure_versions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_versions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER procedure_unit_configs_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_unit_configs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
CREATE TRIGGER procedure_internal_processes_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_internal_processes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
