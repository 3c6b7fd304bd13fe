-- Issue 11: a conditional component whose case does not apply is recorded as 'not_applicable' (it starts so at
-- the counter), not as 'missing'.
ALTER TABLE dossier_components DROP CONSTRAINT dossier_components_state_check;
ALTER TABLE dossier_components
  ADD CONSTRAINT dossier_components_state_check CHECK (state IN ('present', 'missing', 'invalid', 'not_applicable'));
