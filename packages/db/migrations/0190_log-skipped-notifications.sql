-- Issue 12: applicant messages that were not sent (the applicant opted out of the channel, or gave no address),
-- one row per message that would have been sent, with the reason: the dossier's notification log shows them beside
-- the sent ones. The key is the one the message would have had (`<event key>:<channel>`), so a re-run of the
-- same event records the skip once, exactly like a sent message.
CREATE TABLE notification_skips (
  id               bigserial PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms')),
  event            text NOT NULL,
  reason           text NOT NULL CHECK (reason IN ('no_address', 'opted_out')),
  about_type       text NOT NULL,
  about_id         text NOT NULL,
  province_code    text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_skips_about_idx ON notification_skips (about_type, about_id, id);
