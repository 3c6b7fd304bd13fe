import formbody from '@fastify/formbody';
import { errorEntry } from '@mot-cua/contracts';
import { AppError } from '@mot-cua/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../context.js';
import { classifyError } from '../../http/problem.js';
import { formatOf, Open311Error, requireFormat, sendOpen311, sendOpen311Error } from './open311-format.js';
import { open311Jurisdiction } from './open311-jurisdiction.js';
import { open311RequestRoutes } from './open311-requests.routes.js';
import { OPEN311_GROUP, OPEN311_SERVICES } from './open311-services.js';

const ATTRIBUTES = [
  {
    variable: true,
    code: 'commune_code',
    datatype: 'string',
    required: false,
    datatype_description:
      'Mã xã, phường (5 chữ số); bắt buộc khi jurisdiction_id là mã tỉnh và không có address_id (address_id cũng là mã xã, phường)',
    order: 1,
    description: 'Xã, phường nơi xảy ra sự việc',
  },
  {
    variable: true,
    code: 'field',
    datatype: 'string',
    required: false,
    datatype_description: 'Tên lĩnh vực như trong danh mục thủ tục, ví dụ "Hộ tịch"',
    order: 2,
    description: 'Lĩnh vực thủ tục hành chính',
  },
  {
    variable: true,
    code: 'dossier_code',
    datatype: 'string',
    required: false,
    datatype_description: 'Mã hồ sơ trên giấy tiếp nhận',
    order: 3,
    description: 'Hồ sơ liên quan (chuyển đến đơn vị đang giữ hồ sơ)',
  },
];

function serviceOf(code: string) {
  const s = OPEN311_SERVICES.find((x) => x.code === code);
  if (!s) throw new Open311Error(404, `service_code "${code}" not found`);
  return s;
}

/** Open311 GeoReport v2 at /open311/v2: services, service definitions, requests (create, list, one) and tokens. */
export const open311Routes: FastifyPluginAsync<AppDeps> = async (app: FastifyInstance, deps) => {
  await app.register(formbody);

  app.setErrorHandler((error, req, reply) => {
    const format = formatOf(req) ?? 'json';
    if (error instanceof Open311Error) return sendOpen311Error(reply, format, error.status, error.description);
    if (
      error instanceof AppError &&
      (error.code === 'FEEDBACK_UNIT_UNKNOWN' || error.code === 'FEEDBACK_DOSSIER_UNKNOWN')
    ) {
      return sendOpen311Error(reply, format, 400, error.message);
    }
    // Everything else the API would answer (refused characters, too deep JSON, rate limits, bad multipart…) keeps
    // its status, in the spec's error format; only what the API itself would call internal is a 500.
    const { code } = classifyError(error);
    const entry = errorEntry(code);
    if (entry.status < 500) return sendOpen311Error(reply, format, entry.status, entry.en);
    req.log.error({ err: error }, 'open311 failed');
    return sendOpen311Error(reply, format, entry.status, 'Internal error');
  });
  app.setNotFoundHandler((req, reply) => sendOpen311Error(reply, formatOf(req) ?? 'json', 404, 'Not found'));

  type Jurisdiction = { Querystring: { jurisdiction_id?: string } };
  const checkJurisdiction = async (q: { jurisdiction_id?: unknown }) => {
    if (Array.isArray(q.jurisdiction_id)) throw new Open311Error(400, 'jurisdiction_id is given more than once');
    const id = typeof q.jurisdiction_id === 'string' ? q.jurisdiction_id : undefined;
    return open311Jurisdiction(deps.database, id, deps.clock.now());
  };

  app.get<{ Params: { format: string } } & Jurisdiction>('/services.:format', async (req, reply) => {
    const format = requireFormat(req.params.format);
    // Every jurisdiction of this installation offers the same services; an unknown one is the spec's 404.
    await checkJurisdiction(req.query);
    const items = OPEN311_SERVICES.map((s) => ({
      service_code: s.code,
      service_name: s.name,
      description: s.description,
      metadata: true,
      type: 'realtime',
      keywords: s.keywords,
      group: OPEN311_GROUP,
    }));
    return sendOpen311(reply, format, { root: 'services', item: 'service', items });
  });

  app.get<{ Params: { code: string; format: string } } & Jurisdiction>(
    '/services/:code.:format',
    async (req, reply) => {
      const format = requireFormat(req.params.format);
      await checkJurisdiction(req.query);
      const s = serviceOf(req.params.code);
      return sendOpen311(reply, format, {
        root: 'service_definition',
        single: { service_code: s.code, attributes: format === 'xml' ? { attribute: ATTRIBUTES } : ATTRIBUTES },
      });
    },
  );

  // Not `deps` itself: it carries this plugin's prefix, which the child would add a second time.
  await app.register(open311RequestRoutes, {
    config: deps.config,
    database: deps.database,
    clock: deps.clock,
    files: deps.files,
  });
};
