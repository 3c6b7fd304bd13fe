-- Issue 17: one record of every fee or financial obligation paid for a dossier, whatever the channel. Until now
-- the counter's collection lived in dossiers.fee_collected_vnd/_at (0047) and online payments only in
-- online_payments (0111, which stays as the log of gateway attempts: pending, failed, cancelled, paid). A row here
-- is a payment received: its channel, amount, receipt number, time and who took it. The fee receipt PDFs, the
-- dossier pages, the national sync's "paid online" flag and the 766 online-payment indicator read it.
CREATE SEQUENCE dossier_fee_receipt_seq;

CREATE TABLE dossier_fees (
  id                 uuid PRIMARY KEY,
  dossier_id         uuid NOT NULL REFERENCES dossiers (id),
  province_code      text NOT NULL,
  channel            text NOT NULL CHECK (channel IN ('counter', 'online')),
  amount_vnd         bigint NOT NULL CHECK (amount_vnd > 0),
  -- Printed on the receipt; one numbering for both channels (a sequence: numbers of rolled-back receipts are
  -- skipped, never reused).
  receipt_number     text NOT NULL UNIQUE
                       DEFAULT ('BL' || lpad(nextval('dossier_fee_receipt_seq')::text, 8, '0')),
  description        text NOT NULL,
  paid_at            timestamptz NOT NULL,
  -- The official who took the money at the counter; null for a gateway payment.
  collected_by       uuid,
  collected_by_name  text,
  -- The gateway attempt this payment settled (online only), with the gateway's own references.
  online_payment_id  uuid UNIQUE REFERENCES online_payments (id),
  gateway            text,
  gateway_txn_ref    text,
  created_at         timestamptz NOT NULL,
  CHECK ((channel = 'online') = (online_payment_id IS NOT NULL))
);
CREATE INDEX dossier_fees_dossier_idx ON dossier_fees (dossier_id, paid_at);
CREATE INDEX dossier_fees_online_idx ON dossier_fees (dossier_id) WHERE channel = 'online';

-- Move what exists. Counter collections: the official is the one who recorded the receipt (first 'received').
INSERT INTO dossier_fees (id, dossier_id, province_code, channel, amount_vnd, description, paid_at, collected_by,
                          collected_by_name, created_at)
SELECT gen_random_uuid(), d.id, d.province_code, 'counter', d.fee_collected_vnd,
       'Phí, lệ phí thủ tục ' || d.procedure_name || ' (' || d.procedure_code || ')',
       d.fee_collected_at, a.actor_user_id, a.actor_name, d.fee_collected_at
  FROM dossiers d
  LEFT JOIN LATERAL (
    SELECT x.actor_user_id, x.actor_name FROM dossier_actions x
     WHERE x.dossier_id = d.id AND x.type = 'received' ORDER BY x.seq LIMIT 1
  ) a ON true
 WHERE d.fee_collected_vnd IS NOT NULL AND d.fee_collected_vnd > 0 AND d.fee_collected_at IS NOT NULL
 ORDER BY d.fee_collected_at, d.id;

-- Online payments the gateway confirmed.
INSERT INTO dossier_fees (id, dossier_id, province_code, channel, amount_vnd, description, paid_at,
                          online_payment_id, gateway, gateway_txn_ref, created_at)
SELECT gen_random_uuid(), p.dossier_id, p.province_code, 'online', round(p.amount)::bigint, p.description,
       coalesce(p.settled_at, p.created_at), p.id, p.gateway, p.gateway_txn_ref, coalesce(p.settled_at, p.created_at)
  FROM online_payments p
 WHERE p.status = 'paid'
 ORDER BY coalesce(p.settled_at, p.created_at), p.id;

-- The dossier row keeps a projection of these rows for its lists and the sync payload (like the status
-- projection of the action log), written only by this trigger in the inserting transaction: the counter total and
-- its last time, and "paid online" (which the national portal may also report for a dossier it sends us).
CREATE FUNCTION dossier_fees_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.channel = 'online' THEN
    UPDATE dossiers SET paid_online = true WHERE id = NEW.dossier_id AND NOT paid_online;
  ELSE
    UPDATE dossiers d
       SET fee_collected_vnd = f.total, fee_collected_at = f.last_at
      FROM (SELECT sum(amount_vnd) AS total, max(paid_at) AS last_at FROM dossier_fees
             WHERE dossier_id = NEW.dossier_id AND channel = 'counter') f
     WHERE d.id = NEW.dossier_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_fees_projection AFTER INSERT ON dossier_fees
  FOR EACH ROW EXECUTE FUNCTION dossier_fees_project();

-- A payment received is a fact: never changed or removed.
CREATE FUNCTION dossier_fees_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_fees is append-only';
END $$;
CREATE TRIGGER dossier_fees_no_change BEFORE UPDATE OR DELETE ON dossier_fees
  FOR EACH ROW EXECUTE FUNCTION dossier_fees_append_only();
