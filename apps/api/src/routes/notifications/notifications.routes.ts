import {
  CapturedMailList,
  DossierNotifications,
  type NotificationChannel,
  NotificationOptOutRequest,
  NotificationOptOutResponse,
} from '@mot-cua/contracts';
import { AppError, authorize, setApplicantOptOut } from '@mot-cua/core';
import { createAuditPort, createDossiersRepository, createNotificationsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { resourceFor } from '../dossiers/dossier-deps.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['notifications'];

type Payload = { channel: NotificationChannel; to: string; subject: string | null; text: string; event: string };

const normalise = (channel: NotificationChannel, a: string) =>
  channel === 'email' ? a.trim().toLowerCase() : a.replace(/[\s.-]/g, '');

/**
 * /api/notifications: what the applicant of a dossier was told (e-mail, SMS) and whether they opted out, for
 * the officials who may read the dossier; the opt-out recorded by reception at the applicant's request
 * (audited); the mail catcher's captured messages for an administrator (development and demo).
 */
export const notificationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  async function loadFor(id: string) {
    const dossier = await createDossiersRepository(db).findDossier(id);
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
    return dossier;
  }

  app.get(
    '/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'Notification log of a dossier (e-mails and SMS to the applicant) and the opt-outs',
        params: IdParams,
        response: { 200: DossierNotifications },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const dossier = await loadFor(req.params.id);
      authorize(actor, 'dossier.read', resourceFor(dossier, 'dossier.read'));
      const repo = createNotificationsRepository(db);
      const rows = await repo.listForSubject({ type: 'dossier', id: dossier.id });
      const skipped = await repo.listSkippedForSubject({ type: 'dossier', id: dossier.id });
      const { email, phone } = dossier.applicant;
      const optedOut = await repo.optOutsOf([
        ...(email ? [{ channel: 'email' as const, address: normalise('email', email) }] : []),
        ...(phone ? [{ channel: 'sms' as const, address: normalise('sms', phone) }] : []),
      ]);
      return {
        recipient: { email, phone },
        optedOut,
        skipped: skipped.map((s) => ({
          id: Number(s.id),
          channel: s.channel,
          event: s.event,
          reason: s.reason,
          createdAt: new Date(s.createdAt).toISOString(),
        })),
        items: rows.map((r) => {
          const p = r.payload as Payload;
          return {
            id: r.id,
            channel: p.channel,
            to: p.to,
            event: p.event,
            subject: p.subject,
            text: p.text,
            state: r.deliveredAt ? ('sent' as const) : r.deadAt ? ('failed' as const) : ('pending' as const),
            attempts: r.attempts,
            createdAt: new Date(r.createdAt).toISOString(),
            sentAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null,
            lastError: r.deadReason ?? r.lastError,
          };
        }),
      };
    },
  );

  app.post(
    '/dossiers/:id/opt-out',
    {
      schema: {
        tags,
        summary: 'Record that the applicant stops (or resumes) messages on a channel (audited)',
        params: IdParams,
        body: NotificationOptOutRequest,
        response: { 200: NotificationOptOutResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const dossier = await loadFor(req.params.id);
      authorize(actor, 'dossier.receive', resourceFor(dossier, 'dossier.receive'));
      const address = req.body.channel === 'email' ? dossier.applicant.email : dossier.applicant.phone;
      if (!address) throw new AppError('VALIDATION_FAILED', { details: { channel: req.body.channel } });
      const r = await db.transaction().execute((trx) =>
        setApplicantOptOut(createNotificationsRepository(trx), createAuditPort(trx, String(req.id)), {
          channel: req.body.channel,
          address,
          optedOut: req.body.optedOut,
          actorUserId: actor.userId,
          about: { type: 'dossier', id: dossier.id },
          provinceCode: dossier.provinceCode,
          at: deps.clock.now(),
        }),
      );
      return { changed: r.changed, optedOut: req.body.optedOut };
    },
  );

  app.get(
    '/mailbox',
    {
      schema: {
        tags,
        summary: 'Messages captured by the local mail catcher (when the simulators run in this process)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: CapturedMailList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'outbox.manage', { kind: 'global' });
      const simUrl = deps.notifications?.simUrl;
      if (!simUrl) throw new AppError('NOTIFY_SIMULATOR_NOT_RUNNING');
      const res = await fetch(`${simUrl}/sim/mail?limit=${req.query.limit}`, { signal: AbortSignal.timeout(5_000) });
      const body = (await res.json()) as CapturedMailList;
      return { ...body, items: [...body.items].reverse() };
    },
  );
};
