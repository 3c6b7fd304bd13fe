import { AppError } from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { importFeedDossier } from '../../portal-import/import-feed-dossier.js';
import {
  checkPortalSignature,
  PORTAL_SIGNATURE_HEADER,
  PORTAL_TIMESTAMP_HEADER,
} from '../../portal-import/webhook-signature.js';

/** A pushed online dossier: the feed's item (files as base64). */
const PushedDossier = z.object({
  event: z.literal('dossier.submitted'),
  dossier: z
    .object({
      seq: z.number().int().min(0),
      MaHoSoQG: z.string().min(1).max(60),
      MaTTHC: z.string().min(1).max(50),
      MaDonVi: z.string().min(1).max(20),
      ChuHoSo: z.object({
        HoTen: z.string().min(1).max(200),
        SoDinhDanh: z.string().max(20).optional(),
        SoDienThoai: z.string().max(20).optional(),
        Email: z.string().max(200).optional(),
        DiaChi: z.string().max(500).optional(),
      }),
      DaXacThucVNeID: z.boolean().optional(),
      DaThanhToanTrucTuyen: z.boolean().optional(),
      NgayNop: z.string().max(14).optional(),
      TepDinhKem: z
        .array(
          z.object({
            TenTep: z.string().min(1).max(255),
            MaThanhPhan: z.string().max(50).optional(),
            LoaiTep: z.string().max(100).optional(),
            NoiDung: z.string().max(14_000_000),
            DuocTaiSuDung: z.boolean().optional(),
            DuocLayTuKhoDMQG: z.boolean().optional(),
          }),
        )
        .max(20)
        .optional(),
    })
    .passthrough(),
});

const PushAnswer = z.object({
  outcome: z.enum(['imported', 'needs_review', 'duplicate']),
  dossierCode: z.string().optional(),
  reason: z.string().optional(),
});

/** Pushed dossiers carry their files: up to 20 files of a few MB each, as base64. */
const PUSH_BODY_LIMIT = 30_000_000;

/**
 * POST /api/portal-imports/webhook: the national portal pushes a new online dossier (besides the importer's
 * pull). The signature is checked over the raw body before anything is parsed; the dossier is imported exactly
 * as a pulled one (same use case, idempotent on the portal code, the pull's cursor untouched), so a push and a
 * pull of the same dossier, or a replayed push, create one dossier.
 */
export const portalWebhookRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  // This plugin's own JSON parser keeps the raw text: the signature is over the bytes the portal sent.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: PUSH_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/webhook',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal-imports'],
        summary:
          'Signed push of a new online dossier by the national portal (x-dvcqg-timestamp, x-dvcqg-signature: sha256=HMAC of "<timestamp>.<body>")',
        response: { 200: PushAnswer },
      },
    },
    async (req) => {
      const secret = deps.portalWebhookSecret ?? deps.config.portal.webhookSecret;
      if (!secret) throw new AppError('PORTAL_WEBHOOK_OFF');
      const raw = typeof req.body === 'string' ? req.body : '';
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const check = checkPortalSignature({
        secret,
        timestamp: header(PORTAL_TIMESTAMP_HEADER),
        signature: header(PORTAL_SIGNATURE_HEADER),
        body: raw,
        now: deps.clock.now(),
      });
      if (check !== 'ok') throw new AppError('PORTAL_WEBHOOK_SIGNATURE_INVALID', { details: { check } });
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new AppError('MALFORMED_REQUEST');
      }
      const parsed = PushedDossier.safeParse(json);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          details: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])),
        });
      }
      const item = parsed.data.dossier;
      try {
        const r = await importFeedDossier(deps, item, null);
        if (r.kind === 'imported') return { outcome: 'imported' as const, dossierCode: r.dossierCode };
        if (r.kind === 'needs_review') return { outcome: 'needs_review' as const, reason: r.reason };
        return { outcome: 'duplicate' as const };
      } catch (e) {
        // The pull committed the same dossier at the same moment (the portal code is unique): already here.
        if (await createPortalImportsRepository(deps.database.db).findImport(item.MaHoSoQG)) {
          return { outcome: 'duplicate' as const };
        }
        throw e;
      }
    },
  );
};
