-- Issue 15 (second half): a monthly snapshot of the Decision 766 service index per province, so the trend stays
-- visible after the dossiers behind it change (re-homing, late finishes). One row per province and month, written
-- again (upsert) when the month is recomputed: taking a snapshot twice leaves one row.
CREATE TABLE service_index_snapshots (
  province_code  text NOT NULL,
  month          date NOT NULL CHECK (extract(day from month) = 1),
  points         numeric NOT NULL,
  max_points     numeric NOT NULL,
  received       integer NOT NULL,
  indicators     jsonb NOT NULL,
  computed_at    timestamptz NOT NULL,
  PRIMARY KEY (province_code, month)
);
