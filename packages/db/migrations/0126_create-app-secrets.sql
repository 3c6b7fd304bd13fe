-- Issue 12: keys the application generates for itself and every process of a deployment shares (first: the key
-- that signs the unsubscribe links in applicant notifications). Created on first use, never printed.
CREATE TABLE app_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
