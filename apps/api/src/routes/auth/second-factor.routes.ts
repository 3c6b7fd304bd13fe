import { RecoveryCodes, TotpConfirmRequest, TotpDisableRequest, TotpEnrolment } from '@mot-cua/contracts';
import { AppError, confirmTotpEnrolment, disableTotp, startTotpEnrolment } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { secondFactorPorts } from '../users/ports.js';
import { inTransaction } from '../write.js';

/**
 * /api/auth/second-factor: TOTP for administrators and supervisors — enrol (QR code), confirm with a code
 * (recovery codes shown once), turn off with the password. Rate-limited like the sign-in; every step audited.
 */
export const secondFactorRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const ports = secondFactorPorts(deps);
  const rateLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/enrol',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling an authenticator app: a new secret and its QR code (nothing changes until confirmed)',
        response: { 200: TotpEnrolment },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await inTransaction(deps, req, ports, (p) => startTotpEnrolment(actor, p));
      const qrCodeDataUrl = await QRCode.toDataURL(r.otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      return { ...r, qrCodeDataUrl };
    },
  );

  app.post(
    '/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Confirm with a code from the app: the second factor is on; recovery codes are shown once',
        body: TotpConfirmRequest,
        response: { 200: RecoveryCodes },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await inTransaction(deps, req, ports, (p) => confirmTotpEnrolment(actor, req.body, p));
      // A wrong code is refused after its audit row has committed.
      if ('rejected' in r) throw new AppError('SECOND_FACTOR_INVALID');
      return r;
    },
  );

  app.post(
    '/disable',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor off (the password is asked again; audited)',
        body: TotpDisableRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await inTransaction(deps, req, ports, (p) => disableTotp(actor, req.body, p));
      return reply.status(204).send(null);
    },
  );
};
