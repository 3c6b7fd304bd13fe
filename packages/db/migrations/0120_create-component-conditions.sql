-- Issue 11: when a procedure component must be handed in, as an administrator of a unit (or of its province)
-- sets it where the catalog's parsed condition misleads: {kind: always | if_applicable | channel, text,
-- channels}. A unit's row wins over its province's; without a row the catalog's parsed condition applies.
CREATE TABLE procedure_component_conditions (
  unit_code       text NOT NULL,
  procedure_code  text NOT NULL REFERENCES procedures (code),
  component_key   text NOT NULL,
  condition       jsonb NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid,
  PRIMARY KEY (unit_code, procedure_code, component_key)
);
CREATE INDEX procedure_component_conditions_procedure_idx ON procedure_component_conditions (procedure_code);

-- Reception caches procedures by the master-data version: a changed condition is seen by the next request.
CREATE TRIGGER procedure_component_conditions_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_component_conditions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_master_data_version();
