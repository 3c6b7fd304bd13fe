-- Bookings one phone number holds at a center on a day (qa-7): read by every booking and rescheduling to limit a
-- phone to one place per slot and a few bookings a day (core queue/appointment-slots.ts requirePhoneMayBook).
CREATE INDEX queue_appointments_phone_day_idx ON queue_appointments (service_center_id, day, phone)
  WHERE status IN ('booked', 'checked_in');
