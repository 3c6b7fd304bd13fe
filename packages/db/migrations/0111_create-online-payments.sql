-- Online payments of a dossier's fee or financial obligation through a payment gateway (redirect + HMAC-signed
-- server-to-server notification). One row per attempt; the notification settles it once (a repeated notification
-- finds it settled and changes nothing). Kept apart from counter fee collection so both can be unified later.
CREATE TABLE online_payments (
  id                  uuid PRIMARY KEY,
  dossier_id          uuid NOT NULL REFERENCES dossiers (id),
  province_code       text NOT NULL,
  -- The merchant's order reference sent to the gateway (unique, what the notification names).
  order_ref           text NOT NULL UNIQUE,
  amount              numeric NOT NULL CHECK (amount > 0),
  description         text NOT NULL,
  status              text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'cancelled')),
  gateway             text NOT NULL,
  gateway_payment_id  text,
  gateway_txn_ref     text,
  requested_by        uuid,
  created_at          timestamptz NOT NULL,
  settled_at          timestamptz,
  notifications       integer NOT NULL DEFAULT 0
);
CREATE INDEX online_payments_dossier_idx ON online_payments (dossier_id);
