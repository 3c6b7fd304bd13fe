-- Delivery of the outbox to the national portal (issue 12): a lease so several dispatchers on PostgreSQL never
-- send one row at once (claimed with FOR UPDATE SKIP LOCKED, expired leases are taken over after a crash),
-- the dead-letter list (reason and the portal's answer), and the portal's receipt of a delivered row.
ALTER TABLE outbox_messages
  ADD COLUMN lease_until    timestamptz,
  ADD COLUMN leased_by      text,
  ADD COLUMN dead_at        timestamptz,
  ADD COLUMN dead_reason    text,
  ADD COLUMN last_response  text,
  ADD COLUMN receipt_id     text;

-- Rows a dispatcher may claim, in id order.
CREATE INDEX outbox_deliverable_idx ON outbox_messages (id) WHERE delivered_at IS NULL AND dead_at IS NULL;
-- "Is there an earlier undelivered row of this dossier?" (delivery in order per dossier).
CREATE INDEX outbox_aggregate_pending_idx ON outbox_messages (aggregate_type, aggregate_id, id)
  WHERE delivered_at IS NULL;
CREATE INDEX outbox_dead_idx ON outbox_messages (dead_at) WHERE dead_at IS NOT NULL;
