-- A dossier whose result is ready (finished_at is set when the result is issued) still waits at the counter
-- of its receiving center: it is open until returned, refused, withdrawn or stopped (the open queue's rule).
-- Re-homing therefore moves it too; only closed dossiers keep the unit of their time. Statistics by the unit
-- at the time read the immutable log, so they do not depend on these columns.
UPDATE rehoming_owners
   SET open_condition = 'status NOT IN (''returned'', ''refused'', ''withdrawn'', ''stopped'')',
       description = description || ' Open until returned, refused, withdrawn or stopped.'
 WHERE table_name = 'dossiers' AND column_name IN ('receiving_unit_code', 'competent_unit_code');
