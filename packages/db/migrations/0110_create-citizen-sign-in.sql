-- Citizens sign in through OpenID Connect (VNeID or the local provider). users already has oidc_issuer and
-- oidc_subject; a citizen also carries the 12-digit personal identification number from the identity claims, which
-- is how their dossiers (as applicant or authorised agent) are found.
ALTER TABLE users ADD COLUMN personal_id_number text
  CHECK (personal_id_number IS NULL OR personal_id_number ~ '^[0-9]{12}$');
CREATE UNIQUE INDEX users_personal_id_number_key ON users (personal_id_number) WHERE personal_id_number IS NOT NULL;

-- A sign-in under way: the state sent to the provider, with the PKCE verifier and the nonce kept server-side.
-- Taken once (deleted by the callback), and useless after expires_at.
CREATE TABLE oidc_login_requests (
  state          text PRIMARY KEY,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  return_to      text NOT NULL DEFAULT '/',
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX oidc_login_requests_expiry_idx ON oidc_login_requests (expires_at);

-- The applicant's and agent's identification numbers, to list a citizen's dossiers.
CREATE INDEX dossiers_applicant_id_idx ON dossiers (applicant_id_number) WHERE applicant_id_number IS NOT NULL;
CREATE INDEX dossiers_agent_id_idx ON dossiers ((agent ->> 'idNumber')) WHERE agent IS NOT NULL;
