-- Issue 14: reminders and escalations of feedback deadlines (due soon → the handlers; overdue → the center
-- director; overdue by more than 2 working days → the province). One row per feedback, kind and deadline: a
-- sweep records it before telling anyone, in the same transaction, so each alert goes out once even with several
-- API processes; a new deadline (the next step) gets its own alerts.
CREATE TABLE feedback_alerts (
  feedback_id  uuid NOT NULL REFERENCES feedback_items (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'escalated_province')),
  due_at       timestamptz NOT NULL,
  sent_at      timestamptz NOT NULL,
  recipients   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (feedback_id, kind, due_at)
);
