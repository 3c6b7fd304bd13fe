-- Working calendar: a year's schedule per scope. Scope 'VN' holds the announced national schedule (it
-- replaces the rule-derived holidays of that year); a province or commune code holds local additions
-- (local days off, reception days). Years without a national schedule are counted by the rules in core.
CREATE TABLE calendar_schedules (
  scope_code  text NOT NULL,
  year        integer NOT NULL CHECK (year BETWEEN 1970 AND 2100),
  source      text,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid,
  PRIMARY KEY (scope_code, year)
);

CREATE TABLE calendar_entries (
  scope_code  text NOT NULL,
  year        integer NOT NULL,
  date        date NOT NULL,
  kind        text NOT NULL CHECK (kind IN
                ('holiday', 'compensatory', 'day_off', 'make_up_working', 'local_day_off', 'reception_day')),
  name        text NOT NULL,
  PRIMARY KEY (scope_code, date),
  FOREIGN KEY (scope_code, year) REFERENCES calendar_schedules (scope_code, year) ON DELETE CASCADE
);
CREATE INDEX calendar_entries_year_idx ON calendar_entries (scope_code, year);

-- Office hours, intake cut-off and "due soon" threshold per scope (commune > province > 'VN' > defaults).
CREATE TABLE calendar_settings (
  scope_code      text PRIMARY KEY,
  office_hours    jsonb NOT NULL,
  cutoff          jsonb NOT NULL,
  due_soon_within jsonb NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid
);
