-- Issue 14: the submitter's messages go through issue 12's notifications (core notifyApplicant → outbox rows
-- 'notify.email' / 'notify.sms', delivered by the channel dispatchers) in each step's transaction. The messages
-- that 0090 kept "to send" until then become outbox rows here, as notifyApplicant writes them (normalised
-- address, opted-out addresses skipped, one idempotency key per message and channel: applying this once sends
-- each of them once), and the waiting table goes.
INSERT INTO outbox_messages (province_code, topic, aggregate_type, aggregate_id, idempotency_key, payload)
SELECT f.province_code,
       'notify.' || m.channel,
       'notification.' || m.channel,
       'feedback:' || f.id::text,
       'feedback-message:' || m.id::text || ':' || m.channel,
       jsonb_build_object(
         'channel', m.channel,
         'to', a.address,
         'subject', CASE WHEN m.channel = 'email' THEN m.subject END,
         'text', m.body,
         'event', 'feedback.message',
         'about', jsonb_build_object('type', 'feedback', 'id', f.id::text, 'code', f.code)
       )
FROM feedback_messages m
JOIN feedback_items f ON f.id = m.feedback_id
CROSS JOIN LATERAL (
  SELECT CASE WHEN m.channel = 'email' THEN lower(btrim(m.recipient))
              ELSE regexp_replace(m.recipient, '[[:space:].-]', '', 'g') END AS address
) a
WHERE m.status = 'to_send'
  AND NOT EXISTS (
    SELECT 1 FROM notification_opt_outs o WHERE o.channel = m.channel AND o.address = a.address
  )
ORDER BY m.id
ON CONFLICT (idempotency_key) DO NOTHING;

DROP TABLE feedback_messages;
