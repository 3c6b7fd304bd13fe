import type { CatalogProcedure, OnlineServiceLevel, ProcedureChannel, ReviewNote } from '@mot-cua/contracts';
import { AGENCY_NAMES, cleanCell, type RawProcedureRecord, splitTopLevel } from './catalog-cells.js';
import { parseChannels, pickTimeLimit } from './catalog-channels.js';
import { parseComponents } from './catalog-components.js';
import { decisionNumberOf, parseDecisionDate, parseLegalBasis } from './catalog-legal-basis.js';
import { levelsByAgency, parseLevels } from './catalog-levels.js';
import { parseResults, parseSteps } from './catalog-steps-results.js';

export function deriveOnlineLevel(name: string, channels: ReadonlyArray<ProcedureChannel>): OnlineServiceLevel {
  if (/toàn trình/i.test(name)) return 'full_process';
  return channels.some((c) => c.kind === 'online') ? 'partial' : 'none';
}

/**
 * Parse one raw crawl record into a catalog record. Pure and total: whatever cannot be structured
 * is kept as text in `review` and flags the record `needsReview`.
 */
export function parseRawProcedure(raw: RawProcedureRecord, agency: string): CatalogProcedure {
  const review: ReviewNote[] = [];
  const code = raw.ma_thu_tuc.trim();
  const tagged = parseLevels(raw.cap_thuc_hien ?? '');
  const { unknown } = tagged;
  if (tagged.levels.length === 0 || unknown.length) review.push({ field: 'levels', text: raw.cap_thuc_hien ?? '' });
  const levels = levelsByAgency(
    tagged.levels,
    {
      implementing: cleanCell(raw.co_quan_thuc_hien),
      competent: cleanCell(raw.co_quan_co_tham_quyen),
      authorized: cleanCell(raw.co_quan_duoc_uy_quyen),
    },
    cleanCell(raw.linh_vuc) ?? '',
  );
  const ch = parseChannels(raw.cach_thuc_thuc_hien ?? '');
  if (ch.review) review.push({ field: 'channels', text: ch.review });
  for (const c of ch.channels) {
    if (c.needsReview) review.push({ field: `channels.${c.kind}`, text: `${c.durationText} | fees: ${c.fees.length}` });
  }
  const comp = parseComponents(raw.thanh_phan_ho_so ?? '');
  if (comp.review) review.push({ field: 'components', text: comp.review });
  if (comp.components.length === 0 && cleanCell(raw.thanh_phan_ho_so))
    review.push({ field: 'components', text: raw.thanh_phan_ho_so });
  const legal = parseLegalBasis(raw.can_cu_phap_ly ?? '');
  if (legal.review) review.push({ field: 'legalBasis', text: legal.review });
  const res = parseResults(raw.ket_qua_xu_ly ?? '');
  if (res.review) review.push({ field: 'results', text: res.review });
  const timeLimit = pickTimeLimit(ch.channels);
  if (!timeLimit && ch.channels.length > 0) review.push({ field: 'timeLimit', text: 'no channel has a usable time' });
  const name = cleanCell(raw.ten_thu_tuc) ?? code;
  const decisionNumber = decisionNumberOf(cleanCell(raw.so_quyet_dinh));
  const decisionDate = parseDecisionDate(cleanCell(raw.so_quyet_dinh), [raw.can_cu_phap_ly, raw.raw_text]);
  return {
    code,
    name,
    decisionNumber,
    ...(decisionDate ? { decisionDate } : {}),
    sourceUrl: cleanCell(raw.detail_url),
    agency,
    agencyName: AGENCY_NAMES[agency] ?? agency,
    field: cleanCell(raw.linh_vuc) ?? '',
    levels,
    type: cleanCell(raw.loai_thu_tuc),
    applicantTypes: splitTopLevel(cleanCell(raw.doi_tuong_thuc_hien) ?? ''),
    competentAgency: cleanCell(raw.co_quan_co_tham_quyen),
    implementingAgency: cleanCell(raw.co_quan_thuc_hien),
    authorizedAgency: cleanCell(raw.co_quan_duoc_uy_quyen),
    coordinatingAgency: cleanCell(raw.co_quan_phoi_hop),
    receivingAddress: cleanCell(raw.dia_chi_tiep_nhan),
    steps: parseSteps(raw.trinh_tu_thuc_hien ?? ''),
    channels: ch.channels,
    timeLimit,
    components: comp.components,
    componentNotes: comp.notes,
    conditions: cleanCell(raw.yeu_cau_dieu_kien),
    legalBasis: legal.documents,
    results: res.results,
    onlineServiceLevel: deriveOnlineLevel(name, ch.channels),
    relatedProcedures: cleanCell(raw.thu_tuc_lien_quan),
    origin: 'crawl',
    curationNote: null,
    needsReview: review.length > 0 || comp.components.some((c) => c.needsReview),
    review,
  };
}
