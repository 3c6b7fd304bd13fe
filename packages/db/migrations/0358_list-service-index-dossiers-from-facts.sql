-- Issue 15 (session 7): the Decision 766 index's contributing-dossier lists from the kept facts. The lists read
-- base() in service-index.repository.ts: every dossier of the scope and period with eight look-ups each, then the
-- indicator's condition, then a sort (5.5 s for a province on the province preset). The facts (0322) hold the same
-- flags per dossier; with the entry instant beside them and indexes in the lists' order (newest entry first, then
-- id) holding the flags, a page is a keyset walk of one index (index-only, its flags filtered on the way) and the
-- total is the figure the kept totals already give.
--
-- The column is appended to the facts and to the view (same position), so 0322's functions (refresh: SELECT * INTO
-- a facts row; recount: INSERT … SELECT * FROM the view) carry it unchanged. The view is 0322's with one column more.

ALTER TABLE dossier_index_facts ADD COLUMN entered_at timestamptz;

CREATE OR REPLACE VIEW dossier_index_facts_now AS
  SELECT d.id AS dossier_id, d.entry_province_code AS province_code, d.entry_unit_code AS unit_code,
    dossier_vn_day(d.entry_at) AS day,
    coalesce(s.delivered > 0 AND s.undelivered = 0, false) AS synced,
    exists (SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.reused) AS reused,
    exists (SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.from_citizen_store) AS from_store,
    d.channel = 'online' AS online,
    d.fee_total > 0 AS fee_bearing,
    d.fee_total > 0 AND (exists (SELECT 1 FROM dossier_fees f WHERE f.dossier_id = d.id AND f.channel = 'online')
                         OR d.paid_online) AS paid_online,
    r.with_result,
    r.with_result AND r.result_file AS with_result_file,
    r.with_result AND r.result_file AND NOT exists (
      SELECT 1 FROM dossier_components c WHERE c.dossier_id = d.id AND c.state = 'present'
        AND NOT exists (SELECT 1 FROM dossier_attachments a
                        WHERE a.dossier_id = d.id AND a.kind = 'component' AND a.component_key = c.key)) AS digitized,
    d.vneid_verified,
    exists (SELECT 1 FROM feedback_items fi WHERE fi.dossier_code = d.code)
      OR exists (SELECT 1 FROM dossier_ratings x WHERE x.dossier_id = d.id AND x.level <= 2) AS complained,
    d.entry_at AS entered_at
  FROM dossiers d
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE o.delivered_at IS NOT NULL) AS delivered,
           count(*) FILTER (WHERE o.delivered_at IS NULL) AS undelivered
    FROM outbox_messages o WHERE o.aggregate_type = 'dossier' AND o.aggregate_id = d.id::text
  ) s
  CROSS JOIN LATERAL (
    SELECT d.status IN ('result_ready', 'returned') AS with_result,
           exists (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = d.id AND a.kind = 'result') AS result_file
  ) r
  WHERE d.entry_at IS NOT NULL;

UPDATE dossier_index_facts f SET entered_at = d.entry_at FROM dossiers d
WHERE d.id = f.dossier_id AND f.entered_at IS DISTINCT FROM d.entry_at;

-- A province's, a unit's and the nation's lists, in their order, with every flag (index-only walks).
CREATE INDEX dossier_index_facts_province_list_idx ON dossier_index_facts (province_code, entered_at DESC, dossier_id)
  INCLUDE (synced, reused, from_store, online, fee_bearing, paid_online, with_result, with_result_file, digitized,
           vneid_verified, complained);
CREATE INDEX dossier_index_facts_unit_list_idx ON dossier_index_facts (unit_code, entered_at DESC, dossier_id)
  INCLUDE (province_code, synced, reused, from_store, online, fee_bearing, paid_online, with_result, with_result_file,
           digitized, vneid_verified, complained);
CREATE INDEX dossier_index_facts_list_idx ON dossier_index_facts (entered_at DESC, dossier_id)
  INCLUDE (synced, reused, from_store, online, fee_bearing, paid_online, with_result, with_result_file, digitized,
           vneid_verified, complained);
