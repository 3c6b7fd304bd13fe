import type { CatalogProcedure } from '@mot-cua/contracts';
import { cleanCell, type RawProcedureRecord } from './catalog-cells.js';

export type FieldCoverage = {
  field: string;
  /** Records whose source cell has content. */
  present: number;
  /** Records where the field was structured without a review flag. */
  parsed: number;
  /** Records flagged for review on this field. */
  review: number;
};

/** Parse coverage per field over a crawl: how many records had the cell, and how many parsed cleanly. */
export function catalogCoverage(
  pairs: ReadonlyArray<{ raw: RawProcedureRecord; parsed: CatalogProcedure }>,
): FieldCoverage[] {
  const fields: Array<[string, (r: RawProcedureRecord) => string, (p: CatalogProcedure) => boolean, string[]]> = [
    ['code', (r) => r.ma_thu_tuc, (p) => /^\d\.\d{6}/.test(p.code), []],
    ['name', (r) => r.ten_thu_tuc, (p) => p.name.length > 0, []],
    ['decisionNumber', (r) => r.so_quyet_dinh, (p) => p.decisionNumber !== null, []],
    ['sourceUrl', (r) => r.detail_url, (p) => p.sourceUrl !== null, []],
    ['field', (r) => r.linh_vuc, (p) => p.field !== '', []],
    ['levels', (r) => r.cap_thuc_hien, (p) => p.levels.length > 0, ['levels']],
    ['type', (r) => r.loai_thu_tuc, (p) => p.type !== null, []],
    ['applicantTypes', (r) => r.doi_tuong_thuc_hien, (p) => p.applicantTypes.length > 0, []],
    ['competentAgency', (r) => r.co_quan_co_tham_quyen, (p) => p.competentAgency !== null, []],
    ['implementingAgency', (r) => r.co_quan_thuc_hien, (p) => p.implementingAgency !== null, []],
    ['coordinatingAgency', (r) => r.co_quan_phoi_hop, (p) => p.coordinatingAgency !== null, []],
    ['steps', (r) => r.trinh_tu_thuc_hien, (p) => p.steps.length > 0, []],
    ['channels', (r) => r.cach_thuc_thuc_hien, (p) => p.channels.length > 0, ['channels']],
    [
      'channels.duration',
      (r) => r.cach_thuc_thuc_hien,
      (p) => p.channels.length > 0 && p.channels.every((c) => c.duration !== null),
      [],
    ],
    [
      'channels.fees',
      (r) => r.cach_thuc_thuc_hien,
      (p) =>
        p.channels.length > 0 &&
        p.channels.every((c) => c.fees.length > 0 && c.fees.every((f) => f.kind !== 'unknown')),
      [],
    ],
    ['timeLimit', (r) => r.cach_thuc_thuc_hien, (p) => p.timeLimit !== null, ['timeLimit']],
    ['components', (r) => r.thanh_phan_ho_so, (p) => p.components.length > 0, ['components']],
    [
      'components.forms',
      (r) => (/\.(docx?|pdf|xlsx?)/i.test(r.thanh_phan_ho_so) ? r.thanh_phan_ho_so : ''),
      (p) => p.components.some((c) => c.forms.length > 0),
      [],
    ],
    ['conditions', (r) => r.yeu_cau_dieu_kien, (p) => p.conditions !== null, []],
    ['legalBasis', (r) => r.can_cu_phap_ly, (p) => p.legalBasis.some((d) => d.number !== null), ['legalBasis']],
    ['results', (r) => r.ket_qua_xu_ly.split('Từ khóa')[0] ?? '', (p) => p.results.length > 0, ['results']],
  ];
  return fields.map(([field, cell, ok, reviewFields]) => {
    let present = 0;
    let parsed = 0;
    let review = 0;
    for (const { raw, parsed: p } of pairs) {
      if (cleanCell(cell(raw)) === null) continue;
      present++;
      const flagged = p.review.some((n) => reviewFields.some((f) => n.field === f || n.field.startsWith(`${f}.`)));
      if (flagged) review++;
      if (ok(p) && !flagged) parsed++;
    }
    return { field, present, parsed, review };
  });
}
