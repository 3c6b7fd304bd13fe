import { SyncSupervision, SyncSupervisionQuery } from '@mot-cua/contracts';
import { authorize, NOTIFICATION_TOPICS, OUTBOX_TOPIC, statsPeriod, syncIndicators, vnDate } from '@mot-cua/core';
import { createOutboxRepository, createPortalImportsRepository, findUnitNames } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import type { OutboxDispatcher } from '../../outbox/outbox-dispatcher.js';

/** /api/admin/outbox/supervision: backlog, oldest pending, dead letters and breaker per destination; the importer. */
export const syncSupervisionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/supervision',
    {
      schema: {
        tags: ['outbox'],
        summary:
          'Sync lag per destination (portal, e-mail, SMS) and per province with the 766 indicators 1.4, 4.3, 4.4 of the period; the import of online dossiers',
        querystring: SyncSupervisionQuery,
        response: { 200: SyncSupervision },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'outbox.manage', { kind: 'global' });
      const now = deps.clock.now();
      const { db } = deps.database;
      const stats = new Map((await createOutboxRepository(db).deliveryStatsByTopic({ now })).map((s) => [s.topic, s]));
      const n = deps.notifications?.dispatchers;
      const destinations: Array<{ destination: 'portal' | 'email' | 'sms'; topic: string; d?: OutboxDispatcher }> = [
        { destination: 'portal', topic: OUTBOX_TOPIC, ...(deps.outbox ? { d: deps.outbox } : {}) },
        { destination: 'email', topic: NOTIFICATION_TOPICS.email, ...(n ? { d: n.email } : {}) },
        { destination: 'sms', topic: NOTIFICATION_TOPICS.sms, ...(n ? { d: n.sms } : {}) },
      ];
      const imports = createPortalImportsRepository(db);
      const counts = await imports.countImports();
      const s = deps.portalImporter?.status();
      const period = statsPeriod(now, req.query.from, req.query.to);
      const byProvince = await createOutboxRepository(db).syncByProvince({
        from: period.fromAt,
        to: period.toAt,
        now,
        topic: OUTBOX_TOPIC,
      });
      const names = await findUnitNames(
        db,
        byProvince.map((p) => p.provinceCode),
        vnDate(now),
      );
      return {
        checkedAt: now.toISOString(),
        period: { from: period.from, to: period.to },
        provinces: byProvince.map((p) => ({
          ...p,
          name: names.get(p.provinceCode) ?? p.provinceCode,
          oldestPendingAgeSeconds: Math.round(p.oldestPendingAgeSeconds),
          ...syncIndicators(p),
        })),
        destinations: destinations.map(({ destination, topic, d }) => {
          const st = stats.get(topic);
          const status = d?.status();
          return {
            destination,
            topic,
            pending: st?.pending ?? 0,
            oldestPendingAgeSeconds: Math.round(st?.oldestPendingAgeSeconds ?? 0),
            deadLetters: st?.dead ?? 0,
            deliveredLastDay: st?.deliveredLastDay ?? 0,
            breaker: status?.breaker.state ?? null,
            dispatcherRunning: status?.running ?? false,
          };
        }),
        portalImport: {
          runningHere: s?.running ?? false,
          breaker: s?.breaker.state ?? null,
          failures: s?.failures ?? 0,
          lastError: s?.lastError ?? null,
          lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
          nextAttemptAt: s?.nextAttemptAt?.toISOString() ?? null,
          cursor: (await imports.readCursor('dvcqg')) ?? null,
          imported: counts.imported,
          needsReview: counts.needsReview,
        },
      };
    },
  );
};
