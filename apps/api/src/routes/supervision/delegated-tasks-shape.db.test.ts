/**
 * The ministry's shape of the delegated-task register (domain.md §0: of 949 tasks delegated from the centre, 584
 * feasible, 355 needing a guiding document, 10 needing authority adjusted) read back through the real import: a
 * 949-row sheet in the register's own template goes in by `POST …/import`, and the register reads back its field's
 * row (61.54 % feasible) and the counts per feasibility.
 * The rows are test data built here (no task-by-task list is public, see data/delegated-tasks/README.md).
 */
import type { DelegatedTaskList } from '@mot-cua/contracts';
import { DELEGATED_TASK_HEADERS } from '@mot-cua/contracts';
import type { Database } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let database: Database;
let app: FastifyInstance;
let admin: Signed;
let national: Signed;
const tag = `S${Math.random().toString(36).slice(2, 8)}`;
/** One field carrying the test's tag, so a shared database holding other tasks is fine. */
const FIELD = `Phân cấp ${tag}`;

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database));
  admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
  national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
}, 300_000);
afterAll(async () => {
  await app.close();
});

async function ministrySheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow([...DELEGATED_TASK_HEADERS]);
  for (let n = 1; n <= 949; n++) {
    const feasibility = n <= 584 ? 'Thực hiện được' : n <= 939 ? 'Cần văn bản hướng dẫn' : 'Cần điều chỉnh thẩm quyền';
    ws.addRow([
      `${tag}-${n}`,
      FIELD,
      `Nhiệm vụ phân cấp số ${n}`,
      'Trung ương',
      n % 3 === 0 ? 'Tỉnh' : 'Xã',
      'Nghị định 151/2025/NĐ-CP',
      'Bộ Nông nghiệp và Môi trường',
      feasibility,
      null,
      '31/12/2025',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the delegated-task register at the ministry’s scale', () => {
  it('imports 949 tasks and reads back 584 / 355 / 10 per feasibility (61.54 % feasible)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/supervision/delegated-tasks/import?fileName=bo-949.xlsx',
      headers: { ...admin.headers, 'content-type': XLSX },
      payload: await ministrySheet(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 949, created: 949, updated: 0 });

    // The summary covers the whole register (a shared database holds other tests' tasks): this field's row, and
    // the list filtered by field and feasibility, read the test's 949.
    const read = async (query: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/supervision/delegated-tasks?field=${encodeURIComponent(FIELD)}${query}`,
        headers: { cookie: national.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as DelegatedTaskList;
    };
    const list = await read('&limit=200');
    expect(list.total).toBe(949);
    expect(list.items).toHaveLength(200);
    expect(list.summary.byField.find((f) => f.field === FIELD)).toEqual({
      field: FIELD,
      total: 949,
      feasible: 584,
      needsGuidance: 355,
      needsAuthorityAdjusted: 10,
      feasibleShare: 0.6154,
    });
    const totals: Record<string, number> = {};
    for (const f of ['feasible', 'needs_guidance', 'needs_authority_adjusted'] as const) {
      totals[f] = (await read(`&feasibility=${f}&limit=1`)).total;
    }
    expect(totals).toEqual({ feasible: 584, needs_guidance: 355, needs_authority_adjusted: 10 });
    expect((await read('&feasibility=needs_authority_adjusted')).items.map((t) => t.code).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `${tag}-${940 + i}`).sort(),
    );
  });
});
