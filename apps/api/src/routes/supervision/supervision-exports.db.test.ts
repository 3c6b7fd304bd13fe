import type {
  Dashboard,
  DossierDetail,
  Drilldown,
  DrilldownDossiers,
  ServiceIndexDossierList,
  Workload,
} from '@mot-cua/contracts';
import { fixedClock } from '@mot-cua/core';
import type { Database } from '@mot-cua/db';
import { counterReceiptBody, createTestDb, insertDossierTestUnits, loadDossierTestProcedure } from '@mot-cua/test-kit';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../slips/pdf-text.js';
import { buildTestApp, type Signed, signIn } from '../../testing.js';

// Every supervision table as a file (issue 15, audit items 2 and 13): the dashboard's four tables at each level,
// the drill-down's departments, officials and dossiers, the 766 figures' dossiers, the workload's sub-tables.
// Two provinces (Q with communes X, Y; R with commune Z), dossiers received on Monday 2 March 2026.
const clock = fixedClock('2026-03-02T02:00:00Z');
const period = 'from=2026-03-01&to=2026-03-31';
let database: Database;
let app: FastifyInstance;
let Q: string;
let X: string;
let R: string;
let Z: string;
let procedureCode: string;
const who: Record<string, Signed> = {};

const get = (s: Signed, url: string) => app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const json = async <T>(s: Signed, url: string): Promise<T> => {
  const res = await get(s, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** The file's rows below the title, the subtitle and the header: [title, subtitle, header, ...rows]. */
async function sheet(s: Signed, url: string) {
  const res = await get(s, url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const all: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => all.push((row.values as unknown[]).slice(1)));
  const header = ws.getRow(3);
  expect(header.font?.bold).toBe(true);
  return { title: String(all[0]?.[0]), subtitle: String(all[1]?.[0]), header: all[2] ?? [], rows: all.slice(3) };
}

async function receive(at: Signed, unit: string, channel: 'in_person' | 'postal' = 'in_person'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: at.headers,
    payload: counterReceiptBody(procedureCode, unit, { channel }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as DossierDetail).id;
}

beforeAll(async () => {
  database = await createTestDb();
  ({ app } = await buildTestApp(database, { clock, env: { SESSION_TTL_HOURS: '720' } }));
  const q = await insertDossierTestUnits(database.db, 2);
  Q = q.provinceCode;
  X = q.communeCodes[0]!;
  const r = await insertDossierTestUnits(database.db, 1);
  R = r.provinceCode;
  Z = r.communeCodes[0]!;
  procedureCode = (await loadDossierTestProcedure(database.db, { unitCode: X })).code;
  await loadDossierTestProcedure(database.db, { unitCode: Z });
  who.receptionX = await signIn(app, database, [{ role: 'reception', unitCode: X }]);
  who.receptionZ = await signIn(app, database, [{ role: 'reception', unitCode: Z }]);
  who.supervisorQ = await signIn(app, database, [{ role: 'supervisor', unitCode: Q }]);
  who.national = await signIn(app, database, [{ role: 'supervisor', unitCode: 'VN' }]);
  await receive(who.receptionX!, X);
  await receive(who.receptionX!, X, 'postal');
  await receive(who.receptionZ!, Z);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

/** The dashboard's JSON and its four tables, fetched until the JSON reads the same before and after the files. */
async function stableDashboard(s: Signed, base: string) {
  const counts = (d: Dashboard) => JSON.stringify([d.rows, d.procedures, d.daily, d.openDue]);
  for (let attempt = 1; ; attempt++) {
    const body = await json<Dashboard>(s, base);
    const files = {
      rows: await sheet(s, `${base}&format=xlsx&table=rows`),
      procs: await sheet(s, `${base}&format=xlsx&table=procedures`),
      daily: await sheet(s, `${base}&format=xlsx&table=daily`),
      due: await sheet(s, `${base}&format=xlsx&table=openDue`),
    };
    const after = await json<Dashboard>(s, base);
    if (counts(after) === counts(body) || attempt === 5) return { body, ...files };
  }
}

describe('supervision tables as XLSX and PDF', () => {
  it('the dashboard: each table at each level holds the rows of the JSON, with the scope and period', async () => {
    for (const [s, q] of [
      [who.national!, 'level=nation'],
      [who.supervisorQ!, `level=province&code=${Q}`],
      [who.supervisorQ!, `level=commune&code=${X}`],
    ] as const) {
      const base = `/api/supervision/dashboard?${period}&${q}`;
      // On PostgreSQL every test file shares one database: another file may receive a dossier in the period between
      // two requests. The files are compared with a JSON that did not change while they were fetched.
      const { body, rows, procs, daily, due } = await stableDashboard(s, base);
      expect(rows.subtitle, q).toContain(`${body.name} (${body.code})`);
      expect(rows.subtitle, q).toContain('Từ 01/03/2026 đến 31/03/2026');
      expect(rows.header.slice(0, 3), q).toEqual(['Mã', expect.any(String), 'Tiếp nhận']);
      expect(
        rows.rows.map((r) => [r[0], r[2]]),
        q,
      ).toEqual(body.rows.map((r) => [r.code, r.received]));
      expect(procs.rows.map((r) => [r[0], r[2]])).toEqual(body.procedures.map((p) => [p.procedureCode, p.received]));
      expect(daily.rows.map((r) => r[2])).toEqual(body.daily.map((d) => d.received));
      expect(daily.rows.map((r) => r[1])).toEqual(
        body.daily.map((d) => ({ in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' })[d.channel]),
      );
      expect(due.rows.map((r) => r[1])).toEqual([
        body.openDue.overdue,
        body.openDue.dueSoon,
        body.openDue.undue,
        body.openDue.paused,
      ]);
    }
    const province = await json<Dashboard>(
      who.supervisorQ!,
      `/api/supervision/dashboard?${period}&level=province&code=${Q}`,
    );
    expect(province.rows.map((r) => r.received)).toEqual([2]);
    const pdf = await get(who.supervisorQ!, `/api/supervision/dashboard?${period}&level=province&code=${Q}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).text;
    expect(text).toContain('Kết quả giải quyết hồ sơ');
    expect(text).toContain(X);
  });

  it('the drill-down: departments, officials and a row’s dossiers (all of them, not one page)', async () => {
    const base = `/api/supervision/drilldown?code=${X}&${period}`;
    const d = await json<Drilldown>(who.supervisorQ!, base);
    const deps = await sheet(who.supervisorQ!, `${base}&format=xlsx`);
    expect(deps.title).toContain('phòng ban');
    expect(deps.rows.map((r) => r[2])).toEqual(d.departments.map((x) => x.counts.received));
    const offs = await sheet(who.supervisorQ!, `${base}&format=xlsx&table=officials`);
    expect(offs.rows.map((r) => [r[0], r[2]])).toEqual(d.officials.map((o) => [o.fullName, o.counts.received]));
    expect(offs.rows.length).toBeGreaterThan(0);
    const list = `/api/supervision/drilldown/dossiers?code=${X}&${period}&official=${who.receptionX!.userId}`;
    const page = await json<DrilldownDossiers>(who.supervisorQ!, `${list}&limit=1`);
    expect(page.total).toBe(2);
    const file = await sheet(who.supervisorQ!, `${list}&format=xlsx&limit=1`);
    const all = await json<DrilldownDossiers>(who.supervisorQ!, list);
    expect(file.rows.map((r) => r[0])).toEqual(all.items.map((i) => i.code));
    expect(file.subtitle).toContain('cán bộ');
    const pdf = await get(who.supervisorQ!, `${list}&format=pdf`);
    // a long code may wrap inside its column
    expect((await pdfText(pdf.rawPayload)).text.replace(/\s+/g, '')).toContain(all.items[0]!.code!);
  });

  it('the 766 figures’ dossiers and the workload’s sub-tables', async () => {
    const list = `/api/supervision/service-index/dossiers?provinceCode=${Q}&${period}&indicator=3.3&part=denominator`;
    const body = await json<ServiceIndexDossierList>(who.supervisorQ!, list);
    const file = await sheet(who.supervisorQ!, `${list}&format=xlsx`);
    expect(file.rows.map((r) => r[0])).toEqual(body.items.map((i) => i.code));
    expect(file.rows).toHaveLength(2);
    const w = `/api/supervision/workload?provinceCode=${Q}&${period}`;
    const wl = await json<Workload>(who.supervisorQ!, w);
    const backlog = await sheet(who.supervisorQ!, `${w}&format=xlsx&table=backlog`);
    expect(backlog.rows.map((r) => r[1])).toEqual(wl.backlog.points.map((p) => p.open));
    const steps = await sheet(who.supervisorQ!, `${w}&format=xlsx&table=steps`);
    expect(steps.rows).toHaveLength(wl.steps.length);
    const gaps = await sheet(who.supervisorQ!, `${w}&format=xlsx&table=noOnlineApprover`);
    expect(gaps.rows.map((r) => r[0])).toEqual(wl.noOnlineApprover.items.map((g) => g.code));
    const moves = await sheet(who.supervisorQ!, `${w}&format=xlsx&table=moves`);
    expect(moves.rows).toHaveLength(wl.moves.length);
    const pdf = await get(who.supervisorQ!, `${w}&format=pdf&table=backlog`);
    expect((await pdfText(pdf.rawPayload)).text).toContain('Hồ sơ tồn theo ngày');
  });

  it('a province supervisor gets 403 for another province’s file at every level', async () => {
    const s = who.supervisorQ!;
    const urls = [
      ...['rows', 'procedures', 'daily', 'openDue'].flatMap((t) => [
        `/api/supervision/dashboard?${period}&level=nation&format=xlsx&table=${t}`,
        `/api/supervision/dashboard?${period}&level=province&code=${R}&format=pdf&table=${t}`,
        `/api/supervision/dashboard?${period}&level=commune&code=${Z}&format=xlsx&table=${t}`,
      ]),
      `/api/supervision/drilldown?code=${Z}&${period}&format=xlsx`,
      `/api/supervision/drilldown?code=${Z}&${period}&format=pdf&table=officials`,
      `/api/supervision/drilldown/dossiers?code=${Z}&${period}&format=xlsx`,
      `/api/supervision/service-index?provinceCode=${R}&${period}&format=xlsx`,
      `/api/supervision/service-index?unitCode=${Z}&${period}&format=pdf`,
      `/api/supervision/service-index/dossiers?provinceCode=${R}&${period}&indicator=3.3&format=xlsx`,
      `/api/supervision/service-index/dossiers?unitCode=${Z}&${period}&indicator=2.1&format=pdf`,
      `/api/supervision/service-index/feedback?provinceCode=${R}&${period}&indicator=5.2&format=xlsx`,
      ...['units', 'backlog', 'steps', 'noOnlineApprover', 'certificateGaps', 'moves'].flatMap((t) => [
        `/api/supervision/workload?provinceCode=${R}&${period}&format=xlsx&table=${t}`,
        `/api/supervision/workload?unitCode=${Z}&${period}&format=pdf&table=${t}`,
      ]),
    ];
    for (const url of urls) {
      const res = await get(s, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
    // the national supervisor gets the same files
    expect((await get(who.national!, `/api/supervision/drilldown?code=${Z}&${period}&format=xlsx`)).statusCode).toBe(
      200,
    );
  });
});
