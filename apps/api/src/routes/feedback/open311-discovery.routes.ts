import { errorEntry } from '@mot-cua/contracts';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../context.js';
import { classifyError } from '../../http/problem.js';
import { formatOf, Open311Error, requireFormat, sendOpen311, sendOpen311Error } from './open311-format.js';

/** When this installation's Open311 interface last changed (the discovery document's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-29T17:00:00Z';

/**
 * Open311 Service Discovery at /open311/discovery.{json,xml}: where the GeoReport v2 endpoint is, its formats, and
 * whom to ask for a key, so that generic clients find it without configuration.
 */
export const open311DiscoveryRoutes: FastifyPluginAsync<AppDeps> = async (app: FastifyInstance, deps) => {
  const base = deps.config.publicUrl.replace(/\/$/, '');
  app.setErrorHandler((error, req, reply) => {
    const format = formatOf(req) ?? 'json';
    if (error instanceof Open311Error) return sendOpen311Error(reply, format, error.status, error.description);
    // What the API would answer (refused characters, rate limits…) keeps its status, in the spec's error format.
    const entry = errorEntry(classifyError(error).code);
    if (entry.status < 500) return sendOpen311Error(reply, format, entry.status, entry.en);
    req.log.error({ err: error }, 'open311 discovery failed');
    return sendOpen311Error(reply, format, entry.status, 'Internal error');
  });

  app.get<{ Params: { format: string } }>('/discovery.:format', async (req, reply) => {
    const format = requireFormat(req.params.format);
    const endpoint = {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${base}/open311/v2`,
      changeset: OPEN311_CHANGESET,
      type: 'production',
      formats: format === 'xml' ? { format: ['text/xml', 'application/json'] } : ['text/xml', 'application/json'],
    };
    const doc = {
      changeset: OPEN311_CHANGESET,
      contact: `Phản ánh, kiến nghị về thủ tục hành chính — ${base}/phan-anh`,
      key_service: `Khóa API do quản trị viên hệ thống cấp (trang ${base}/admin/open311)`,
      endpoints: format === 'xml' ? { endpoint: [endpoint] } : [endpoint],
    };
    return sendOpen311(reply, format, { root: 'discovery', single: doc });
  });
};
