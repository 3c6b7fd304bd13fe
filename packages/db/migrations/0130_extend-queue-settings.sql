-- Front desk, second part (issue 13): what a center's administrator sets besides groups and priority rules, the
-- "your turn is near" SMS, and the queue's records following a boundary change.
--
-- near_turn_ahead: a ticket with a phone number gets one SMS when this many people (or fewer) are ahead of it in
-- its group (0: no SMS). open_before_minutes / close_before_minutes: the kiosk issues tickets on reception days
-- from this long before the first office session until this long before the last one ends.
ALTER TABLE queue_settings
  ADD COLUMN near_turn_ahead integer NOT NULL DEFAULT 3 CHECK (near_turn_ahead BETWEEN 0 AND 20),
  ADD COLUMN open_before_minutes integer NOT NULL DEFAULT 30 CHECK (open_before_minutes BETWEEN 0 AND 120),
  ADD COLUMN close_before_minutes integer NOT NULL DEFAULT 0 CHECK (close_before_minutes BETWEEN 0 AND 120);

-- A visitor may leave a phone number with the ticket (an appointment's check-in carries the booking's).
ALTER TABLE queue_tickets
  ADD COLUMN phone text,
  ADD COLUMN near_turn_notified_at timestamptz;

-- Bookings belong to the center's unit like tickets, so a merge can move the ones still ahead.
ALTER TABLE queue_appointments ADD COLUMN unit_code text;
UPDATE queue_appointments a SET unit_code = s.unit_code
  FROM queue_settings s WHERE s.service_center_id = a.service_center_id;
ALTER TABLE queue_appointments ALTER COLUMN unit_code SET NOT NULL;

-- Re-homing (the units feature's registry): a front desk's settings and groups follow its center to the successor
-- unit; so do tickets not yet finished and bookings not yet used, like open dossiers. Finished tickets and past
-- bookings keep the unit of their time (the numbers are reported by it). The province follows when it changes.
INSERT INTO rehoming_owners
  (table_name, column_name, key_column, open_condition, strategy, feature, description, province_column) VALUES
  ('queue_settings', 'unit_code', 'service_center_id', 'true', 'update', 'queue',
   'Front-desk settings follow their service center.', 'province_code'),
  ('queue_groups', 'unit_code', 'id', 'true', 'update', 'queue',
   'Service groups follow their service center.', 'province_code'),
  ('queue_tickets', 'unit_code', 'id', 'status IN (''waiting'', ''called'', ''serving'')', 'update', 'queue',
   'Queue tickets not yet finished are served by the successor unit.', 'province_code'),
  ('queue_appointments', 'unit_code', 'id', 'status = ''booked''', 'update', 'queue',
   'Bookings still ahead are honoured by the successor unit.', 'province_code');
