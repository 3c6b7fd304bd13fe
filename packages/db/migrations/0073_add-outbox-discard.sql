-- An administrator may discard a dead letter (issue 12): it leaves the dead-letter list and no longer holds back
-- the later rows of its dossier, but it is never counted as delivered (indicator 1.4 still sees it undelivered).
-- Who and why are in the audit row written in the same transaction.
ALTER TABLE outbox_messages ADD COLUMN discarded_at timestamptz;
