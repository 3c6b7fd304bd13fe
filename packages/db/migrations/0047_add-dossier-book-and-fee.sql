-- Issue 11: the dossier book (sổ theo dõi hồ sơ) numbers each dossier a center receives, per receiving unit
-- and year, printed on form 01 ("Quyển số … Số thứ tự …"); and the fees and charges collected at the counter.
CREATE TABLE dossier_book_sequences (
  unit_code      text NOT NULL,
  year           integer NOT NULL,
  province_code  text NOT NULL,
  last_value     integer NOT NULL,
  PRIMARY KEY (unit_code, year)
);

ALTER TABLE dossiers ADD COLUMN book_year integer;
ALTER TABLE dossiers ADD COLUMN book_number integer;
-- Amount (VND) collected at the counter with its fee receipt; null when nothing was collected.
ALTER TABLE dossiers ADD COLUMN fee_collected_vnd bigint CHECK (fee_collected_vnd IS NULL OR fee_collected_vnd >= 0);
ALTER TABLE dossiers ADD COLUMN fee_collected_at timestamptz;
