-- Issue 12: where a submitted component came from, as the national portal reports it and sends back in TaiLieuNop:
-- reused from data the administration already holds (DuocTaiSuDung, 766 indicator 4.3) and taken from the
-- citizen's personal data store on the portal (DuocLayTuKhoDMQG, indicator 4.4).
ALTER TABLE dossier_components ADD COLUMN reused boolean NOT NULL DEFAULT false;
ALTER TABLE dossier_components ADD COLUMN from_citizen_store boolean NOT NULL DEFAULT false;
