import { createHash } from 'node:crypto';
import { UnsubscribeLinkInfo, UnsubscribeRequest } from '@mot-cua/contracts';
import { AppError, setApplicantOptOut } from '@mot-cua/core';
import {
  createAppSecretsRepository,
  createAuditPort,
  createNotificationsRepository,
  UNSUBSCRIBE_KEY,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { maskAddress, readUnsubscribeToken } from '../../notifications/unsubscribe-link.js';

const tags = ['notifications'];

/**
 * /api/notifications/unsubscribe: the signed link at the end of every applicant e-mail and SMS. Public (no
 * session): the token itself proves the link came from us for that address. Reading it changes nothing (mail
 * scanners open links); the applicant confirms with a POST, recorded in the audit log without the address.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const read = async (token: string) => {
    const key = await createAppSecretsRepository(db).get(UNSUBSCRIBE_KEY);
    const target = readUnsubscribeToken(key, token);
    if (!target) throw new AppError('NOTIFY_UNSUBSCRIBE_LINK_INVALID');
    return target;
  };

  app.get(
    '/',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What an unsubscribe link stands for (channel, masked address, already stopped or not)',
        querystring: z.object({ t: z.string().min(1).max(700) }),
        response: { 200: UnsubscribeLinkInfo },
      },
    },
    async (req) => {
      const { channel, address } = await read(req.query.t);
      const optedOut = await createNotificationsRepository(db).isOptedOut(channel, address);
      return { channel, address: maskAddress(channel, address), optedOut };
    },
  );

  app.post(
    '/',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Stop applicant messages to the address of a signed unsubscribe link (audited)',
        body: UnsubscribeRequest,
        response: { 200: UnsubscribeLinkInfo },
      },
    },
    async (req) => {
      const { channel, address } = await read(req.body.token);
      // The audit row names the address by a digest: the log says that it happened, not to whom.
      const digest = createHash('sha256').update(`${channel}:${address}`).digest('hex').slice(0, 16);
      await db.transaction().execute((trx) =>
        setApplicantOptOut(createNotificationsRepository(trx), createAuditPort(trx, String(req.id)), {
          channel,
          address,
          optedOut: true,
          actorUserId: null,
          about: { type: 'notification_address', id: `${channel}:${digest}` },
          provinceCode: null,
          at: deps.clock.now(),
        }),
      );
      return { channel, address: maskAddress(channel, address), optedOut: true };
    },
  );
};
