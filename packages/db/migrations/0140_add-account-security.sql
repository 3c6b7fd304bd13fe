-- Accounts managed by administrators (issue 16): one-time passwords that must be changed at the next sign-in,
-- an optional TOTP second factor with hashed recovery codes, and sessions their owner can list and revoke.

-- Set by an administrator's create or reset: the password is a one-time password, valid until
-- password_expires_at, and the session it opens may only change it.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_expires_at timestamptz;

-- TOTP (RFC 6238): the confirmed secret, the secret offered while enrolling (until confirmed with a code), and the
-- last time step accepted (a code is used once).
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- Recovery codes: only their sha256 is kept (80 random bits each), each used once.
CREATE TABLE user_recovery_codes (
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, code_hash)
);

-- A session is shown to its owner by a public id (the primary key is the sha256 of the cookie's secret).
ALTER TABLE sessions ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_public_id_key ON sessions (public_id);
