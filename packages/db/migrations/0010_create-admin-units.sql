-- Administrative units as effective-dated versions keyed by official code. A code can name different units in
-- different eras (24 = Bắc Giang until 2025-06-30, Bắc Ninh since), so every lookup takes a date.
-- Dates are inclusive civil dates; valid_from NULL = start not recorded (pre-2025 units).
CREATE TABLE admin_units (
  id             bigserial PRIMARY KEY,
  code           text NOT NULL,
  level          text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  type           text NOT NULL CHECK (type IN ('province', 'city', 'district', 'urban_district', 'town',
                                               'provincial_city', 'commune', 'ward', 'township', 'special_zone')),
  name           text NOT NULL,
  full_name      text NOT NULL,
  province_code  text NOT NULL,
  district_code  text,
  -- Electronic identifier of the unit's agency (QĐ 20/2020/QĐ-TTg), when recorded.
  agency_identifier text,
  valid_from     date,
  valid_to       date,
  -- Change event that created this version (NULL for the pre-2025 units).
  event_id       bigint,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX admin_units_code_from_key ON admin_units (code, (coalesce(valid_from, DATE '0001-01-01')));
CREATE INDEX admin_units_code_idx ON admin_units (code, valid_to);
CREATE INDEX admin_units_province_idx ON admin_units (province_code, level, valid_to);
CREATE INDEX admin_units_district_idx ON admin_units (district_code) WHERE district_code IS NOT NULL;
CREATE INDEX admin_units_name_trgm ON admin_units USING gin (f_unaccent_fold(name) gin_trgm_ops);

-- Typed change events (merge, split, rename, type change, code alias, the 2025 reorganisation) and their links:
-- on effective_date, (part of) from_code became (part of) to_code. Links form the lineage graph.
CREATE TABLE admin_unit_events (
  id              bigserial PRIMARY KEY,
  key             text NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('reorganisation', 'merge', 'split', 'rename', 'type_change',
                                                'code_alias', 'abolish')),
  effective_date  date NOT NULL,
  legal_basis     text,
  description     text NOT NULL DEFAULT '',
  source          text NOT NULL CHECK (source IN ('master_data', 'admin')),
  applied_by      uuid,
  applied_at      timestamptz NOT NULL DEFAULT now(),
  -- What was asked (the admin's input) and what it moved, for the audit trail.
  data            jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX admin_unit_events_date_idx ON admin_unit_events (effective_date);

CREATE TABLE admin_unit_event_links (
  event_id   bigint NOT NULL REFERENCES admin_unit_events(id) ON DELETE CASCADE,
  from_code  text NOT NULL,
  to_code    text NOT NULL,
  share      text NOT NULL CHECK (share IN ('full', 'partial')),
  PRIMARY KEY (event_id, from_code, to_code)
);
CREATE INDEX admin_unit_event_links_from_idx ON admin_unit_event_links (from_code);
CREATE INDEX admin_unit_event_links_to_idx ON admin_unit_event_links (to_code);

-- Codes other sources use for a unit (06970 → 06978), from a date.
CREATE TABLE admin_unit_aliases (
  alias       text NOT NULL,
  code        text NOT NULL,
  valid_from  date NOT NULL,
  note        text NOT NULL DEFAULT '',
  PRIMARY KEY (alias, valid_from)
);

-- Which version of the shipped master data is loaded (sha256 of the data files), so start-up can skip it.
CREATE TABLE admin_unit_data_loads (
  data_version  text PRIMARY KEY,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  counts        jsonb NOT NULL DEFAULT '{}'::jsonb
);
