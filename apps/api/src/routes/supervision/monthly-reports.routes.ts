import { MonthlyReportGenerated, MonthlyReportList } from '@mot-cua/contracts';
import { AppError, authorize, decide, jurisdictionFor, vnDate } from '@mot-cua/core';
import { createMonthlyReportFilesRepository, createServiceIndexRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { asciiName } from '../../exports/index.js';
import { requireActor } from '../../http/auth.js';
import { generateProvinceReport } from '../../supervision/monthly-report-job.js';

const tags = ['supervision'];
/** How long the generate request waits for the report before answering that it has started (a province: ~1 min). */
const WAIT_MS = 3_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MonthlyParams = z.object({
  provinceCode: z.string().regex(/^[0-9A-Za-z]{2,12}$/),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

const fileState = (r: { status: string; startedAt: Date; finishedAt: Date | null; error: string | null }) => ({
  status: r.status as 'running' | 'done' | 'failed',
  startedAt: new Date(r.startedAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  error: r.error,
});

/**
 * The monthly report per province: the province's month (summary against the previous month, communes,
 * procedures, workload, readiness gaps, the 766 index) generated once as an XLSX and a PDF by the API's scheduled
 * job at the start of the next month (or by an administrator), listed with its state for the provinces the caller
 * may read (report.read) and downloaded as generated, so the file of a month never changes.
 */
export const monthlyReportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/reports/monthly',
    {
      schema: {
        tags,
        summary: 'Monthly reports (per province and month) of the provinces the caller may read, with their file state',
        querystring: z.object({ provinceCode: MonthlyParams.shape.provinceCode.optional() }),
        response: { 200: MonthlyReportList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const today = vnDate(deps.clock.now());
      const mine = jurisdictionFor(actor, 'report.read');
      if (mine.length === 0) throw new AppError('FORBIDDEN', { details: { action: 'report.read' } });
      const p = req.query.provinceCode;
      if (p) authorize(actor, 'report.read', { kind: 'unit', unitCode: p, provinceCode: p });
      const scopes = p ? [p] : mine;
      const snaps = await createServiceIndexRepository(db).listSnapshots({ scopes, fromMonth: '2000-01-01' });
      const files = await createMonthlyReportFilesRepository(db).list(scopes);
      const key = (provinceCode: string, month: string) => `${provinceCode}:${month}`;
      const rows = new Map<string, { provinceCode: string; month: string }>();
      for (const s of snaps) rows.set(key(s.provinceCode, s.month.slice(0, 7)), { ...s, month: s.month.slice(0, 7) });
      for (const f of files) if (!rows.has(key(f.provinceCode, f.month))) rows.set(key(f.provinceCode, f.month), f);
      const names = await findUnitNames(db, [...new Set([...rows.values()].map((r) => r.provinceCode))], today);
      const mayRead = (code: string) =>
        decide(actor, 'report.read', { kind: 'unit', unitCode: code, provinceCode: code }).allowed;
      return {
        items: [...rows.values()]
          .filter((r) => mayRead(r.provinceCode))
          .sort((a, b) => b.month.localeCompare(a.month) || a.provinceCode.localeCompare(b.provinceCode))
          .map((r) => {
            const snap = snaps.find((s) => s.provinceCode === r.provinceCode && s.month.startsWith(r.month));
            const file = files.find((f) => f.provinceCode === r.provinceCode && f.month === r.month);
            return {
              provinceCode: r.provinceCode,
              name: names.get(r.provinceCode) ?? r.provinceCode,
              month: r.month,
              points: snap?.points ?? null,
              maxPoints: snap?.maxPoints ?? null,
              computedAt: snap ? snap.computedAt.toISOString() : null,
              file: file ? fileState(file) : null,
            };
          }),
      };
    },
  );

  app.post(
    '/reports/monthly/:provinceCode/:month/generate',
    {
      schema: {
        tags,
        summary:
          'Generate the monthly report of a province (system administrators; once per month, audited): answers when done, or after a few seconds that it has started (the list shows its state)',
        params: MonthlyParams,
        response: { 200: MonthlyReportGenerated },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const job = generateProvinceReport(deps, actor, req.params, String(req.id));
      // Refusals (authorization, a month not begun) come back at once; a failure while generating is kept on the
      // row ('failed', with its error) and logged.
      job.catch((err: unknown) => {
        if (!(err instanceof AppError)) req.log.error({ err }, 'monthly report: generation failed');
      });
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        job,
        new Promise<'started'>((resolve) => {
          timer = setTimeout(() => resolve('started'), WAIT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      const state = (await createMonthlyReportFilesRepository(db).list([req.params.provinceCode])).find(
        (f) => f.month === req.params.month,
      );
      if (!state) throw new AppError('MONTHLY_REPORT_NOT_READY', { details: req.params });
      return { outcome, file: fileState(state) };
    },
  );

  app.get(
    '/reports/monthly/:provinceCode/:month',
    {
      schema: {
        tags,
        summary: 'The monthly report of a province as generated, XLSX (a sheet per table) or PDF (404 until done)',
        params: MonthlyParams,
        querystring: z.object({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { provinceCode, month } = req.params;
      authorize(actor, 'report.read', { kind: 'unit', unitCode: provinceCode, provinceCode });
      const format = req.query.format;
      const body = await createMonthlyReportFilesRepository(db).file(provinceCode, month, format);
      if (!body) throw new AppError('MONTHLY_REPORT_NOT_READY', { details: { provinceCode, month } });
      const name = `${asciiName(`bao-cao-thang-${provinceCode}-${month}`)}.${format}`;
      return reply
        .type(format === 'xlsx' ? XLSX_TYPE : 'application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );
};
