import { randomBytes } from 'node:crypto';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { createProcedureConfigRepository, type DB, loadProcedureCatalog } from '@mot-cua/db';
import { type Kysely, sql } from 'kysely';

/**
 * A small commune procedure (modelled on 1.001193 birth registration) with a unique code and agency, for
 * tests and benchmarks that need a procedure without loading the whole catalog. Three components (one
 * conditional) and a 3-working-day limit; optionally an internal process for a unit.
 * `days: null` gives a procedure without a time limit (as ~315 catalog records): its unit process then has
 * steps without durations, unless `processDays` sets one per step.
 */
export async function loadDossierTestProcedure(
  db: Kysely<DB>,
  opts: {
    unitCode?: string;
    days?: number | null;
    validFrom?: string;
    processDays?: number;
    /** Add the channel-bound forms of 1.001193: c04 paper form (counter, post), c05 interactive e-form (online). */
    channelForms?: boolean;
  } = {},
): Promise<{ code: string; componentKeys: string[] }> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const code = `1.001193-T${suffix}`;
  const days = opts.days === null ? null : (opts.days ?? 3);
  const limit = days === null ? null : { value: days, unit: 'working_days' as const };
  const record: CatalogProcedure = {
    code,
    name: 'Thủ tục đăng ký khai sinh (thử nghiệm)',
    decisionNumber: null,
    sourceUrl: null,
    agency: `test-${suffix.toLowerCase()}`,
    agencyName: 'Bộ Tư pháp (thử nghiệm)',
    field: 'Hộ tịch',
    levels: ['commune'],
    type: null,
    applicantTypes: ['Công dân Việt Nam'],
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgency: null,
    authorizedAgency: null,
    coordinatingAgency: null,
    receivingAddress: null,
    steps: [],
    channels: (['in_person', 'online', 'postal'] as const).map((kind) => ({
      kind,
      duration: limit,
      durationText: days === null ? 'Không quy định' : `${days} ngày làm việc`,
      fees: [{ kind: 'free' as const, amount: null, currency: null, note: null, setByProvincialCouncil: false }],
      description: null,
      needsReview: false,
    })),
    timeLimit: limit,
    components: [
      ['c01', 'Tờ khai đăng ký khai sinh theo mẫu', false],
      ['c02', 'Giấy chứng sinh', false],
      ['c03', 'Văn bản ủy quyền (trường hợp ủy quyền)', true],
      ...(opts.channelForms
        ? [
            [
              'c04',
              'Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)',
              false,
            ],
            ['c05', 'Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (nếu nộp hồ sơ theo hình thức trực tuyến)', false],
          ]
        : []),
    ].map(([key, name, conditional]) => ({
      key: key as string,
      group: null,
      name: name as string,
      originals: 1,
      copies: 0,
      forms: [],
      conditional: conditional as boolean,
      presentOnly: false,
      needsReview: false,
    })),
    componentNotes: [],
    conditions: null,
    legalBasis: [],
    results: [{ name: 'Giấy khai sinh', code: null }],
    onlineServiceLevel: 'full_process',
    relatedProcedures: null,
    origin: 'curated',
    curationNote: 'test fixture',
    needsReview: false,
    review: [],
  };
  await loadProcedureCatalog(db, [record], { checksum: `test-${suffix}`, asOf: opts.validFrom ?? '2025-07-01' });
  if (opts.unitCode && days === null) {
    const step = opts.processDays
      ? { value: opts.processDays, unit: 'working_days' as const }
      : { value: 0, unit: 'none' as const };
    await createProcedureConfigRepository(db).putInternalProcess({
      unitCode: opts.unitCode,
      procedureCode: code,
      steps: [
        { order: 1, name: 'Tiếp nhận, thẩm định', responsible: { role: 'reception' }, duration: step },
        { order: 2, name: 'Phê duyệt', responsible: { role: 'leader' }, duration: step },
      ],
      legalLimit: null,
      updatedBy: null,
    });
  } else if (opts.unitCode && days !== null) {
    const half = { value: 0.5, unit: 'working_days' as const };
    await createProcedureConfigRepository(db).putInternalProcess({
      unitCode: opts.unitCode,
      procedureCode: code,
      steps: [
        { order: 1, name: 'Tiếp nhận, chuyển hồ sơ', responsible: { role: 'reception' }, duration: half },
        {
          order: 2,
          name: 'Thẩm định, đề xuất',
          responsible: { role: 'specialist' },
          duration: { value: days - 1.5, unit: 'working_days' },
        },
        { order: 3, name: 'Phê duyệt', responsible: { role: 'leader' }, duration: half },
        { order: 4, name: 'Trả kết quả', responsible: { role: 'reception' }, duration: half },
      ],
      legalLimit: { value: days, unit: 'working_days' },
      updatedBy: null,
    });
  }
  return { code, componentKeys: ['c01', 'c02', 'c03', ...(opts.channelForms ? ['c04', 'c05'] : [])] };
}

/**
 * Test admin units (a province and its communes, unique fake codes) in the units feature's table
 * admin_units, valid from 2025-07-01. For tests and benchmarks.
 */
export async function insertDossierTestUnits(
  db: Kysely<DB>,
  communes = 2,
): Promise<{ provinceCode: string; communeCodes: string[] }> {
  // Codes are short (a province code of 4 characters): on a database shared by many test files two draws can
  // meet, so a taken code is drawn again (the insert is one statement, so nothing is left behind).
  for (let attempt = 1; ; attempt++) {
    const hex = randomBytes(4).toString('hex').toUpperCase();
    const provinceCode = `P${hex.slice(0, 3)}`;
    const communeCodes = Array.from({ length: communes }, (_, i) => `T${hex.slice(3, 7)}${i}`);
    const rows = [
      sql`(${provinceCode}, 'province', 'province', ${`Thử ${hex}`}, ${`Tỉnh Thử ${hex}`}, ${provinceCode}, '2025-07-01')`,
      ...communeCodes.map(
        (code, i) =>
          sql`(${code}, 'commune', 'ward', ${`Thử ${i + 1}`}, ${`Phường Thử ${i + 1}`}, ${provinceCode}, '2025-07-01')`,
      ),
    ];
    try {
      await sql`insert into admin_units (code, level, type, name, full_name, province_code, valid_from)
        values ${sql.join(rows)}`.execute(db);
      return { provinceCode, communeCodes };
    } catch (e) {
      if ((e as { code?: string }).code !== '23505' || attempt >= 8) throw e;
    }
  }
}

/**
 * The body of a complete counter receipt of the test procedure (`loadDossierTestProcedure`: components c01, c02
 * present) at a unit, for POST /api/dossiers; `extra` overrides any field.
 */
export function counterReceiptBody(procedureCode: string, unitCode: string, extra: Record<string, unknown> = {}) {
  return {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: unitCode,
    applicant: { fullName: 'Lê Văn Bình', idNumber: '079190000002', phone: '0909000002' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'present' },
    ],
    ...extra,
  };
}
