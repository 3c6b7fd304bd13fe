import {
  type Dashboard,
  type DossierDetail,
  type DossierStats,
  type MonthlyReportList,
  SERVICE_INDICATORS,
  type ServiceIndex,
  type ServiceIndexDossierList,
  type ServiceIndexTrend,
  type Workload,
} from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInt, formatPercent } from '../../exports/index.js';
import { pdfText } from '../../slips/pdf-text.js';
import { snapshotPreviousMonth } from '../../supervision/service-index-snapshots.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// A 3-working-day procedure; Monday 02/03/2026 09:00 in Vietnam, the report on Thursday 10:00.
const MON = '2026-03-02T02:00:00Z';
const THU = '2026-03-05T03:00:00Z';
const clock = fixedClock(MON);

let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let Y: string;
let R: string;
let Z: string;
let procedureCode: string;
const who: Record<string, Signed> = {};
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

const applicant = { fullName: 'Lê Văn Bình', idNumber: '079190000002', phone: '0909000002' };
const complete = [
  { key: 'c01', state: 'present' },
  { key: 'c02', state: 'present' },
];
const post = (s: Signed | undefined, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, ...(s ? { headers: s.headers } : {}), payload: payload ?? {} });
/**
 * Reads over a period get the test's month so far (the API's default is the last 30 days up to today, which would
 * reach February): the index, its lists, the supervision table and its export, workload.
 */
const PERIODIC =
  /^\/api\/(supervision\/(service-index(\/dossiers)?|exports\/dossier-stats|workload)|dossiers\/stats)(\?|$)/;
const withPeriod = (url: string) =>
  !PERIODIC.test(url) || url.includes('from=')
    ? url
    : `${url}${url.includes('?') ? '&' : '?'}from=2026-03-01&to=2026-03-05`;
const get = (s: Signed | undefined, url: string) =>
  app.inject({ method: 'GET', url: withPeriod(url), ...(s ? { headers: { cookie: s.cookie } } : {}) });

async function receive(at: Signed, unit: string, extra: Record<string, unknown> = {}): Promise<DossierDetail> {
  const res = await post(at, '/api/dossiers', {
    mode: 'receive',
    channel: 'in_person',
    procedureCode,
    receivingUnitCode: unit,
    applicant,
    components: complete,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DossierDetail;
}

const indicator = (body: ServiceIndex, id: string) => {
  const i = body.indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};

async function xlsxRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  [X, Y] = q.communeCodes as [string, string];
  const r = await insertDossierTestUnits(database.db, 1);
  R = r.provinceCode;
  Z = r.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  await loadDossierTestProcedure(database.db, { unitCode: Y });
  await loadDossierTestProcedure(database.db, { unitCode: Z });
  who.receptionX = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.receptionY = await signIn(app, database, [{ role: 'reception', unitCode: Y }]);
  who.receptionZ = await signIn(app, database, [{ role: 'reception', unitCode: Z }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  who.national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  who.admin = await signIn(app, database, [{ role: 'system_admin', unitCode: 'VN' }]);
  who.citizen = await signIn(app, database, [{ role: 'citizen', unitCode: Q }]);

  clock.set(MON);
  const a = await receive(who.receptionX!, X);
  const b = await receive(who.receptionY!, Y);
  const online = await post(who.citizen, '/api/dossiers', {
    mode: 'submit',
    channel: 'online',
    procedureCode,
    receivingUnitCode: X,
    applicant,
    components: complete,
    returnMethod: 'online',
  });
  expect(online.statusCode, online.body).toBe(201);
  const c = online.json() as DossierDetail;
  const z = await receive(who.receptionZ!, Z);
  Object.assign(ids, { a: a.id, b: b.id, online: c.id, z: z.id });
  Object.assign(codes, { a: a.code, b: b.code, online: c.code, z: z.code });
  // One applicant verified by VNeID and one fee-bearing dossier paid online (flags the portal import sets).
  await sql`update dossiers set vneid_verified = true where id = ${c.id}`.execute(database.db);
  await sql`update dossiers set fee_total = 50000, paid_online = true where id = ${a.id}`.execute(database.db);
  await sql`update dossiers set fee_total = 50000 where id = ${b.id}`.execute(database.db);
  // A rating of 1 of 5 on b (dissatisfied): 5.4 counts it.
  await sql`insert into dossier_ratings (dossier_id, province_code, level, rated_at)
            values (${b.id}, ${Q}, 1, ${MON}::timestamptz)`.execute(database.db);
  clock.set(THU);
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('GET /api/supervision/service-index', () => {
  it('a province supervisor gets their province’s index by default, 2.1 equal to the supervision aggregate', async () => {
    const res = await get(who.supervisorQ, '/api/supervision/service-index');
    expect(res.statusCode, res.body).toBe(200);
    const body: ServiceIndex = res.json();
    expect(body.scope).toMatchObject({ code: Q, level: 'province' });
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-05' });
    const stats: DossierStats = (await get(who.supervisorQ, '/api/dossiers/stats')).json();
    const r21 = indicator(body, '2.1');
    expect(r21.rate).toBe(stats.totals.onTimeRate);
    expect(indicator(body, '3.3')).toMatchObject({ numerator: 1, denominator: 3, points: null });
    expect(indicator(body, '3.6')).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, points: 3 });
    expect(indicator(body, '4.5')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(indicator(body, '5.4').numerator).toBeGreaterThanOrEqual(1);
    expect(indicator(body, '1.1')).toMatchObject({ computable: false, points: null, listable: false });
    expect(indicator(body, '1.1').reason).toMatch(/^Không tính được, vì/);
    expect(indicator(body, '3.6').listable).toBe(true);
  });

  it('lists the dossiers behind a figure: the list’s total equals the figure', async () => {
    const num = await get(who.supervisorQ, '/api/supervision/service-index/dossiers?indicator=3.3');
    expect(num.statusCode, num.body).toBe(200);
    const n: ServiceIndexDossierList = num.json();
    expect(n.total).toBe(1);
    expect(n.items.map((x) => x.code)).toEqual([codes.online]);
    const den: ServiceIndexDossierList = (
      await get(who.supervisorQ, '/api/supervision/service-index/dossiers?indicator=3.6&part=denominator')
    ).json();
    expect(den.items.map((x) => x.code).sort()).toEqual([codes.a, codes.b].sort());
    // One commune: only its dossiers.
    const atY: ServiceIndexDossierList = (
      await get(who.supervisorQ, `/api/supervision/service-index/dossiers?indicator=3.3&part=denominator&unitCode=${Y}`)
    ).json();
    expect(atY.items.map((x) => x.code)).toEqual([codes.b]);
    // Page by page with the keyset cursor: the same dossiers as one page, in the same order, then no `next`.
    const url = '/api/supervision/service-index/dossiers?indicator=3.6&part=denominator';
    const p1: ServiceIndexDossierList = (await get(who.supervisorQ, `${url}&limit=1`)).json();
    expect(p1.items).toHaveLength(1);
    expect(p1.next).toBeTruthy();
    const p2: ServiceIndexDossierList = (
      await get(who.supervisorQ, `${url}&limit=1&after=${encodeURIComponent(p1.next!)}`)
    ).json();
    expect([...p1.items, ...p2.items].map((x) => x.code)).toEqual(den.items.map((x) => x.code));
    expect(p2.total).toBe(den.total);
    const p3: ServiceIndexDossierList = (
      await get(who.supervisorQ, `${url}&limit=1&after=${encodeURIComponent(p2.next!)}`)
    ).json();
    expect(p3.items).toEqual([]);
    expect(p3.next).toBeNull();
    expect((await get(who.supervisorQ, `${url}&after=not-a-cursor`)).statusCode).toBe(400);
  });

  it('a province supervisor cannot see another province, nor its communes, nor their dossiers', async () => {
    expect((await get(who.supervisorQ, `/api/supervision/service-index?provinceCode=${R}`)).statusCode).toBe(403);
    expect((await get(who.supervisorQ, `/api/supervision/service-index?unitCode=${Z}`)).statusCode).toBe(403);
    expect(
      (
        await get(
          who.supervisorQ,
          `/api/supervision/service-index/dossiers?indicator=3.3&part=denominator&provinceCode=${R}`,
        )
      ).statusCode,
    ).toBe(403);
    expect((await get(who.receptionX, '/api/supervision/service-index')).statusCode).toBe(403);
    expect((await get(undefined, '/api/supervision/service-index')).statusCode).toBe(401);
  });

  it('exports the index as XLSX and PDF with Vietnamese headers', async () => {
    const x = await get(who.supervisorQ, '/api/supervision/service-index?format=xlsx');
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.headers['content-disposition']).toContain(`chi-so-766-${Q.toLowerCase()}`);
    const rows = await xlsxRows(x.rawPayload);
    expect(String(rows[0]?.[0])).toContain('Bộ chỉ số 766');
    expect(rows[2]).toEqual([
      'Chỉ số',
      'Tên chỉ số',
      'Tử số',
      'Mẫu số',
      'Tỷ lệ',
      'Ngưỡng',
      'Điểm',
      'Tối đa',
      'Ghi chú',
    ]);
    expect(rows.length).toBe(3 + SERVICE_INDICATORS.length);
    const r36 = rows.find((r) => r[0] === '3.6');
    expect(r36?.slice(2, 5)).toEqual([1, 2, 0.5]);
    const p = await get(who.supervisorQ, '/api/supervision/service-index?format=pdf');
    expect(p.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(p.rawPayload)).text;
    expect(text).toContain('Bộ chỉ số 766');
    expect(text).toContain('Hồ sơ thanh toán trực tuyến');
    expect(text).toContain('Không tính được, vì');
  });
});

describe('GET /api/supervision/exports/dossier-stats', () => {
  it('a province supervisor’s file holds only their province’s units', async () => {
    const res = await get(who.supervisorQ, '/api/supervision/exports/dossier-stats?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await xlsxRows(res.rawPayload);
    const unitCodes = rows.slice(3, -1).map((r) => r[0]);
    expect(unitCodes.sort()).toEqual([X, Y].sort());
    expect(rows.at(-1)?.[1]).toBe('Tổng cộng');
    expect(rows.at(-1)?.[2]).toBe(3);
    const pdf = await get(who.supervisorQ, '/api/supervision/exports/dossier-stats?format=pdf');
    const text = (await pdfText(pdf.rawPayload)).text;
    expect(text).toContain('Tình hình tiếp nhận và giải quyết hồ sơ');
    expect(text).not.toContain(Z);
  });

  it('refuses another province with the stats route’s own answer', async () => {
    const res = await get(who.supervisorQ, `/api/supervision/exports/dossier-stats?format=pdf&provinceCode=${R}`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });

  it('a national supervisor’s file has a row per province', async () => {
    const res = await get(who.national, '/api/supervision/exports/dossier-stats?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const codesInFile = (await xlsxRows(res.rawPayload)).map((r) => r[0]);
    expect(codesInFile).toContain(Q);
    expect(codesInFile).toContain(R);
  });
});

describe('service index snapshots and trend', () => {
  it('only a system administrator takes a snapshot; a month not begun is refused', async () => {
    expect(
      (await post(who.supervisorQ, '/api/supervision/service-index/snapshots', { month: '2026-03', provinceCode: Q }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(who.admin, '/api/supervision/service-index/snapshots', { month: '2026-04', provinceCode: Q }))
        .statusCode,
    ).toBe(400);
  });

  it('is idempotent, audited, and the trend shows a province supervisor only their province', async () => {
    for (let i = 0; i < 2; i++) {
      for (const p of [Q, R]) {
        const res = await post(who.admin, '/api/supervision/service-index/snapshots', {
          month: '2026-03',
          provinceCode: p,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const n = await sql<{ n: number }>`select count(*)::int as n from service_index_snapshots
      where province_code in (${Q}, ${R}) and month = '2026-03-01'`.execute(database.db);
    expect(Number(n.rows[0]?.n)).toBe(2);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'service_index.snapshot' and entity_id = ${`${Q}:2026-03`}`.execute(database.db);
    expect(Number(audits.rows[0]?.n)).toBe(2);
    const t = await get(who.supervisorQ, '/api/supervision/service-index/trend');
    expect(t.statusCode, t.body).toBe(200);
    const trend: ServiceIndexTrend = t.json();
    expect(trend.snapshots.map((s) => s.provinceCode)).toEqual([Q]);
    expect(trend.snapshots[0]).toMatchObject({ month: '2026-03-01', received: 3 });
    const national: ServiceIndexTrend = (await get(who.national, '/api/supervision/service-index/trend')).json();
    expect(national.snapshots.map((s) => s.provinceCode)).toEqual(expect.arrayContaining([Q, R]));
    expect((await get(who.supervisorQ, `/api/supervision/service-index/trend?provinceCode=${R}`)).statusCode).toBe(403);
    const x = await get(who.supervisorQ, '/api/supervision/service-index/trend?format=xlsx');
    const rows = await xlsxRows(x.rawPayload);
    expect(rows.slice(3).map((r) => r[1])).toEqual([Q]);
  });

  it('monthly reports: generated once by an administrator, audited, listed and downloaded per province', async () => {
    const report = `/api/supervision/reports/monthly/${Q}/2026-03`;
    // Listed (the snapshot) before its file exists; the file is not there yet.
    const before = (await get(who.supervisorQ, '/api/supervision/reports/monthly')).json() as MonthlyReportList;
    expect(before.items).toEqual([expect.objectContaining({ provinceCode: Q, month: '2026-03', file: null })]);
    const notYet = await get(who.supervisorQ, `${report}?format=xlsx`);
    expect(notYet.statusCode, notYet.body).toBe(404);
    // Only an administrator generates; a second request leaves the month's file as it is.
    expect((await post(who.supervisorQ, `${report}/generate`)).statusCode).toBe(403);
    const first = await post(who.admin, `${report}/generate`);
    expect(first.statusCode, first.body).toBe(200);
    // Done within the request's wait, or still running (a loaded machine): the list shows the state.
    expect(['generated', 'started']).toContain(first.json().outcome);
    const stateOf = async () =>
      ((await get(who.supervisorQ, '/api/supervision/reports/monthly')).json() as MonthlyReportList).items.find(
        (i) => i.provinceCode === Q && i.month === '2026-03',
      )?.file?.status;
    await expect.poll(stateOf, { timeout: 120_000, interval: 200 }).toBe('done');
    const xlsxBefore = (await get(who.supervisorQ, `${report}?format=xlsx`)).rawPayload;
    expect((await post(who.admin, `${report}/generate`)).json()).toMatchObject({ outcome: 'already' });
    expect((await get(who.supervisorQ, `${report}?format=xlsx`)).rawPayload.equals(xlsxBefore)).toBe(true);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'supervision.monthly_report_generated' and entity_id = ${`${Q}:2026-03`}`.execute(database.db);
    expect(Number(audits.rows[0]?.n)).toBe(1);
    const listed = (await get(who.supervisorQ, '/api/supervision/reports/monthly')).json() as MonthlyReportList;
    expect(listed.items).toEqual([
      expect.objectContaining({ provinceCode: Q, month: '2026-03', file: expect.objectContaining({ status: 'done' }) }),
    ]);

    // The workbook: a sheet per table, figures equal to the dashboard's for the same month.
    const dash = (
      await get(who.supervisorQ, `/api/supervision/dashboard?level=province&code=${Q}&from=2026-03-01&to=2026-03-31`)
    ).json() as Dashboard;
    const wl = (
      await get(who.supervisorQ, `/api/supervision/workload?provinceCode=${Q}&from=2026-03-01&to=2026-03-31`)
    ).json() as Workload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxBefore as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Xã, phường',
      'Thủ tục',
      'Khối lượng',
      'Chưa có người phê duyệt',
      'Chứng thư số',
      'Chỉ số 766',
    ]);
    const sheet = (name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(String(sheet('Tổng hợp')[0]?.[0])).toContain('Báo cáo tháng 03/2026');
    expect(sheet('Tổng hợp')[2]).toEqual(['Chỉ tiêu', 'Tháng 03/2026', 'Tháng trước']);
    const summary = new Map(sheet('Tổng hợp').map((r) => [String(r[0]), r.slice(1)]));
    expect(summary.get('Hồ sơ tiếp nhận')).toEqual([
      formatInt(dash.totals.received),
      formatInt(dash.previousTotals.received),
    ]);
    expect(dash.totals.received).toBe(3);
    expect(summary.get('— trực tuyến')?.[0]).toBe(formatInt(dash.totals.online));
    expect(summary.get('Tỷ lệ trực tuyến')?.[0]).toBe(formatPercent(dash.totals.onlineShare));
    expect(summary.get('Tỷ lệ đúng hạn (chỉ số 766 – 2.1)')?.[0]).toBe(formatPercent(dash.totals.onTimeRate));
    expect(summary.get('Đang giải quyết (hồ sơ tiếp nhận trong tháng)')?.[0]).toBe(formatInt(dash.totals.inProgress));
    expect(summary.get('Hồ sơ đang giải quyết của tỉnh: quá hạn')?.[0]).toBe(formatInt(dash.openDue.overdue));
    expect(summary.get('Lượt đánh giá')?.[0]).toBe(formatInt(dash.totals.ratingCount));
    expect(summary.get('Phản ánh, kiến nghị tiếp nhận')?.[0]).toBe(formatInt(dash.feedback.received));
    // Communes: each row's received as the dashboard's rows.
    const communes = sheet('Xã, phường').slice(3);
    expect(communes.map((r) => [r[0], r[2]])).toEqual(dash.rows.map((r) => [r.code, r.received]));
    expect(
      sheet('Thủ tục')
        .slice(3)
        .map((r) => [r[0], r[2]]),
    ).toEqual(
      [...dash.procedures]
        .sort((a, b) => b.received - a.received || a.procedureCode.localeCompare(b.procedureCode))
        .slice(0, 20)
        .map((p) => [p.procedureCode, p.received]),
    );
    expect(
      sheet('Khối lượng')
        .slice(3)
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual(wl.units.map((u) => [u.unitCode, u.received, u.officials]));
    expect(
      sheet('Chưa có người phê duyệt')
        .slice(3)
        .map((r) => r[0]),
    ).toEqual(wl.noOnlineApprover.items.map((g) => g.code));
    expect(
      sheet('Chỉ số 766')
        .slice(3)
        .map((r) => r[0]),
    ).toEqual(SERVICE_INDICATORS.map((i) => i));

    // The PDF: the same figures as text.
    const pdf = await get(who.supervisorQ, `${report}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).text;
    expect(text).toContain('Báo cáo tháng 03/2026');
    expect(text).toContain(`Hồ sơ tiếp nhận ${formatInt(dash.totals.received)}`);
    expect(text).toContain('Bộ chỉ số 766');

    // A province supervisor gets only their province's files.
    expect((await post(who.admin, `/api/supervision/reports/monthly/${R}/2026-03/generate`)).statusCode).toBe(200);
    await expect
      .poll(async () => (await get(who.admin, `/api/supervision/reports/monthly/${R}/2026-03?format=pdf`)).statusCode, {
        timeout: 120_000,
        interval: 200,
      })
      .toBe(200);
    expect((await get(who.supervisorQ, `/api/supervision/reports/monthly/${R}/2026-03`)).statusCode).toBe(403);
    expect((await get(who.supervisorQ, `/api/supervision/reports/monthly/${R}/2026-03?format=pdf`)).statusCode).toBe(
      403,
    );
    expect((await get(who.supervisorQ, `/api/supervision/reports/monthly?provinceCode=${R}`)).statusCode).toBe(403);
    expect((await get(who.supervisorQ, `/api/supervision/reports/monthly/${Q}/2026-02`)).statusCode).toBe(404);
    expect((await get(who.receptionX, '/api/supervision/reports/monthly')).statusCode).toBe(403);
    const all = (await get(who.admin, '/api/supervision/reports/monthly')).json() as MonthlyReportList;
    expect(all.items.map((i) => i.provinceCode)).toEqual(expect.arrayContaining([Q, R]));
  }, 300_000);

  it('the scheduled job skips a province whose month is already taken', async () => {
    const done = await snapshotPreviousMonth(database, new Date('2026-04-02T02:00:00Z'));
    expect(done).not.toContain(Q);
    expect(done).not.toContain(R);
    // On a shared database other files may add provinces meanwhile: none done the first time is done again.
    const again = await snapshotPreviousMonth(database, new Date('2026-04-02T02:00:00Z'));
    expect(again.filter((p) => done.includes(p))).toEqual([]);
  });
});

describe('GET /api/supervision/workload', () => {
  it('only a system administrator sets the threshold, audited', async () => {
    const put = (s: Signed, v: number) =>
      app.inject({
        method: 'PUT',
        url: '/api/supervision/workload/settings',
        headers: s.headers,
        payload: { dossiersPerOfficialPerDay: v },
      });
    expect((await put(who.supervisorQ!, 0.4)).statusCode).toBe(403);
    expect((await put(who.admin!, 0)).statusCode).toBe(400);
    const ok = await put(who.admin!, 0.4);
    expect(ok.statusCode, ok.body).toBe(200);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'supervision.workload_threshold_set' and actor_user_id = ${who.admin!.userId}`.execute(
      database.db,
    );
    expect(Number(audits.rows[0]?.n)).toBe(1);
  });

  it('per commune of the supervisor’s province: dossiers per official per working day, flags, backlog, moves', async () => {
    // A transfer into X with effect in the period.
    await sql`insert into assignments (user_id, unit_code, kind, valid_from, decision_number)
              values (${who.receptionX!.userId}, ${X}, 'transfer', '2026-03-02', 'QĐ-thử')`.execute(database.db);
    const res = await get(who.supervisorQ, '/api/supervision/workload');
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json() as import('@mot-cua/contracts').Workload;
    expect(w).toMatchObject({ from: '2026-03-01', to: '2026-03-05', workingDays: 4, threshold: 0.4 });
    expect(w.units.map((u) => u.unitCode).sort()).toEqual([X, Y].sort());
    // X: 2 dossiers, 1 official, 4 working days → 0.5 > 0.4; Y: 1 / 1 / 4 = 0.25.
    expect(w.units.find((u) => u.unitCode === X)).toMatchObject({
      received: 2,
      officials: 1,
      perOfficialPerDay: 0.5,
      overload: 'above_threshold',
    });
    expect(w.units.find((u) => u.unitCode === Y)).toMatchObject({
      received: 1,
      perOfficialPerDay: 0.25,
      overload: null,
    });
    expect(w.backlog.points.map((p) => p.day)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    expect(w.backlog).toMatchObject({ first: 0, last: 3, change: 3 });
    expect(w.moves).toEqual([expect.objectContaining({ unitCode: X, kind: 'transfer', validFrom: '2026-03-02' })]);
    // Every commune of the test province lacks an online approver (no leader with a certificate).
    expect(w.noOnlineApprover.items.map((i) => i.code)).toEqual(expect.arrayContaining([X, Y]));
    expect(w.noOnlineApprover.items.every((i) => i.provinceCode === Q)).toBe(true);
  });

  it('refuses another province’s commune and exports the per-unit table', async () => {
    expect((await get(who.supervisorQ, `/api/supervision/workload?unitCode=${Z}`)).statusCode).toBe(403);
    const x = await get(who.supervisorQ, '/api/supervision/workload?format=xlsx');
    expect(x.statusCode).toBe(200);
    const rows = await xlsxRows(x.rawPayload);
    expect(
      rows
        .slice(3)
        .map((r) => r[0])
        .sort(),
    ).toEqual([X, Y].sort());
    expect(rows.slice(3).find((r) => r[0] === X)?.[6]).toBe('Vượt ngưỡng');
  });

  it('lists per commune the leaders whose signature certificate is missing or expired, and exports them', async () => {
    // Run last: new leaders count as officials of their communes.
    const leaderX = await signIn(app, database, [{ role: 'leader', unitCode: X }]);
    const expiredY = await signIn(app, database, [{ role: 'leader', unitCode: Y }]);
    const validY = await signIn(app, database, [{ role: 'leader', unitCode: Y }]);
    await signIn(app, database, [{ role: 'leader', unitCode: Z }]);
    const profile = (userId: string, serial: string, validTo: string) =>
      sql`insert into official_profiles (user_id, certificate_serial, certificate_valid_to)
          values (${userId}, ${serial}, ${validTo}::date)`.execute(database.db);
    // Today is 2026-03-05: valid until the 4th has expired, until the 5th still serves.
    await profile(expiredY.userId, 'CT-HET-HAN', '2026-03-04');
    await profile(validY.userId, 'CT-CON-HAN', '2026-03-05');
    const w = (await get(who.supervisorQ, '/api/supervision/workload')).json() as import('@mot-cua/contracts').Workload;
    const seen = w.certificateGaps.items.map((g) => [g.unitCode, g.userId, g.gap, g.certificateValidTo]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [X, leaderX.userId, 'missing', null],
        [Y, expiredY.userId, 'expired', '2026-03-04'],
      ]),
    );
    expect(w.certificateGaps.items.some((g) => g.userId === validY.userId)).toBe(false);
    expect(w.certificateGaps.items.every((g) => g.provinceCode === Q)).toBe(true);
    expect(w.certificateGaps.total).toBe(w.certificateGaps.items.length);
    // Y now has an online approver (validY: active account with a password, certificate valid today); X has none.
    expect(w.noOnlineApprover.items.map((i) => i.code)).not.toContain(Y);
    const one = (await get(who.supervisorQ, `/api/supervision/workload?unitCode=${Y}`)).json() as typeof w;
    expect(one.certificateGaps.items.map((g) => g.userId)).toEqual([expiredY.userId]);
    const x = await get(who.supervisorQ, '/api/supervision/workload?format=xlsx&table=certificateGaps');
    expect(x.statusCode).toBe(200);
    const rows = await xlsxRows(x.rawPayload);
    expect(rows[2]).toEqual(['Mã', 'Xã, phường', 'Cán bộ', 'Chứng thư số', 'Hiệu lực đến']);
    expect(rows.slice(3).map((r) => r[3])).toEqual(
      w.certificateGaps.items.map((g) => (g.gap === 'missing' ? 'Chưa có' : 'Hết hạn')),
    );
  });
});

describe('the delegated-task register', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const HEADERS = [
    'Mã nhiệm vụ',
    'Lĩnh vực',
    'Nhiệm vụ',
    'Cấp chuyển đi',
    'Cấp nhận',
    'Căn cứ pháp lý',
    'Bộ, ngành phụ trách',
    'Khả năng thực hiện',
    'Ghi chú',
    'Hạn hoàn thành',
  ];
  const tag = `T${Math.random().toString(36).slice(2, 8)}`;
  async function sheet(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(HEADERS);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const task = (n: number, feasibility: string, field = `Đất đai ${tag}`) => [
    `${tag}-${n}`,
    field,
    `Nhiệm vụ ${n}`,
    'Trung ương',
    'Xã',
    'Nghị định 151/2025/NĐ-CP',
    'Bộ Nông nghiệp và Môi trường',
    feasibility,
    null,
    '31/12/2025',
  ];
  const upload = (s: Signed, body: Buffer) =>
    app.inject({
      method: 'POST',
      url: '/api/supervision/delegated-tasks/import?fileName=thu.xlsx',
      headers: { ...s.headers, 'content-type': XLSX },
      payload: body,
    });

  it('refuses a sheet with a bad row as a whole, naming each row’s error in Vietnamese', async () => {
    const res = await upload(who.admin!, await sheet([task(1, 'Thực hiện được'), task(2, 'Chưa rõ')]));
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; errors: Array<{ field: string; message: string }> };
    expect(body.code).toBe('DELEGATED_TASKS_INVALID');
    expect(body.errors.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'row:3', message: expect.stringContaining('Dòng 3: "Khả năng thực hiện" là "Chưa rõ"') },
    ]);
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from delegated_tasks where code like ${`${tag}-%`}`.execute(database.db);
    expect(Number(n.rows[0]?.n)).toBe(0);
    expect((await upload(who.admin!, Buffer.from('not a workbook'))).statusCode).toBe(400);
    expect((await upload(who.national!, await sheet([task(1, 'Thực hiện được')]))).statusCode).toBe(403);
  });

  it('imports all rows, replaces by code, audits, and counts per feasibility and field', async () => {
    const rows = [
      ...[1, 2, 3, 4, 5, 6].map((n) => task(n, 'Thực hiện được')),
      ...[7, 8, 9].map((n) => task(n, 'Cần văn bản hướng dẫn')),
      task(10, 'Cần điều chỉnh thẩm quyền', `Xây dựng ${tag}`),
    ];
    const first = await upload(who.admin!, await sheet(rows));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 10, created: 10, updated: 0 });
    const again = await upload(who.admin!, await sheet([task(9, 'Thực hiện được')]));
    expect(again.json()).toMatchObject({ rows: 1, created: 0, updated: 1 });
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'delegated_tasks.import' and actor_user_id = ${who.admin!.userId}`.execute(database.db);
    expect(Number(audits.rows[0]?.n)).toBe(2);
    const list = await get(
      who.supervisorQ,
      `/api/supervision/delegated-tasks?field=${encodeURIComponent(`Đất đai ${tag}`)}`,
    );
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json() as import('@mot-cua/contracts').DelegatedTaskList;
    expect(body.total).toBe(9);
    const field = body.summary.byField.find((f) => f.field === `Đất đai ${tag}`);
    expect(field).toEqual({
      field: `Đất đai ${tag}`,
      total: 9,
      feasible: 7,
      needsGuidance: 2,
      needsAuthorityAdjusted: 0,
      feasibleShare: 0.7778,
    });
    expect((await get(who.receptionX, '/api/supervision/delegated-tasks')).statusCode).toBe(403);
  });

  it('exports the register in the template, which imports again unchanged', async () => {
    const x = await get(
      who.supervisorQ,
      `/api/supervision/delegated-tasks?format=xlsx&field=${encodeURIComponent(`Xây dựng ${tag}`)}`,
    );
    expect(x.statusCode).toBe(200);
    const rows = await xlsxRows(x.rawPayload);
    expect(rows[2]).toEqual(HEADERS);
    expect(rows[3]?.slice(0, 8)).toEqual([
      `${tag}-10`,
      `Xây dựng ${tag}`,
      'Nhiệm vụ 10',
      'Trung ương',
      'Xã',
      'Nghị định 151/2025/NĐ-CP',
      'Bộ Nông nghiệp và Môi trường',
      'Cần điều chỉnh thẩm quyền',
    ]);
    const back = await upload(who.admin!, x.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ rows: 1, updated: 1 });
  });
});
