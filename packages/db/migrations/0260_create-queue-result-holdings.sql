-- Front desk, third part (issue 13): where a dossier's result is held at the receiving center. The official at a
-- counter records "this counter holds the result of dossier X" when the result comes back (or is moved); a pickup
-- ticket for that dossier is then routed to this counter while it is open, else to the counter that received the
-- dossier, else to any counter serving the result-pickup group (core: issue-ticket.ts, pickupCounter).
-- One row per dossier: recording again moves the result.
CREATE TABLE queue_result_holdings (
  dossier_id  uuid PRIMARY KEY REFERENCES dossiers (id),
  counter_id  uuid NOT NULL REFERENCES counters (id),
  held_by     uuid NOT NULL REFERENCES users (id),
  held_at     timestamptz NOT NULL
);
CREATE INDEX queue_result_holdings_counter_idx ON queue_result_holdings (counter_id);
