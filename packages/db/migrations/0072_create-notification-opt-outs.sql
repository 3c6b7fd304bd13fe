-- Applicant notifications (issue 12): messages travel as outbox rows (topics notify.email and notify.sms, one
-- aggregate per channel and subject so each applicant's messages leave in order); this table holds who asked not
-- to be notified on a channel, by address (normalised: e-mail lower-cased, phone without spaces or dots).
CREATE TABLE notification_opt_outs (
  channel        text NOT NULL CHECK (channel IN ('email', 'sms')),
  address        text NOT NULL,
  opted_out_at   timestamptz NOT NULL,
  -- Where it was asked (e.g. dossier:<id>).
  source         text NOT NULL,
  PRIMARY KEY (channel, address)
);
-- The notification log of a subject (a dossier's messages) read by officials.
CREATE INDEX outbox_notification_subject_idx ON outbox_messages (aggregate_id, id)
  WHERE topic IN ('notify.email', 'notify.sms');
