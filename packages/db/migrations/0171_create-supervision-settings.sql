-- Issue 15 (second half): settings of supervision an administrator changes (audited by the use case), such as
-- the workload threshold: dossiers per official per working day above which a commune's demand outgrows its staff.
CREATE TABLE supervision_settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  uuid
);
