-- Organisation of a unit: departments (Decree 150/2025 for communes; Sở for provinces), its public administrative
-- service center(s) and their counters. Effective-dated like units; ended rows keep history.
CREATE TABLE departments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code   text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('office', 'economic', 'economic_infrastructure_urban', 'culture_social',
                                            'planning_finance', 'provincial_department', 'other')),
  name        text NOT NULL,
  valid_from  date NOT NULL DEFAULT DATE '2025-07-01',
  valid_to    date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX departments_open_name_key ON departments (unit_code, name) WHERE valid_to IS NULL;
CREATE INDEX departments_unit_idx ON departments (unit_code);

CREATE TABLE service_centers (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code         text NOT NULL,
  name              text NOT NULL,
  -- false for a satellite reception point (e.g. the office of a merged commune).
  is_main           boolean NOT NULL DEFAULT true,
  address           text,
  director_user_id  uuid REFERENCES users(id) ON DELETE SET NULL,
  valid_from        date NOT NULL DEFAULT DATE '2025-07-01',
  valid_to          date,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX service_centers_main_key ON service_centers (unit_code) WHERE is_main AND valid_to IS NULL;
CREATE INDEX service_centers_unit_idx ON service_centers (unit_code);

CREATE TABLE counters (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_center_id  uuid NOT NULL REFERENCES service_centers(id) ON DELETE CASCADE,
  -- The unit whose queue the counter serves (follows its center when a boundary change moves it).
  unit_code          text NOT NULL,
  number             integer NOT NULL CHECK (number > 0),
  name               text NOT NULL,
  -- Procedure fields served at this counter (empty = all).
  fields             jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_active          boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX counters_number_key ON counters (service_center_id, number);
CREATE INDEX counters_unit_idx ON counters (unit_code);
