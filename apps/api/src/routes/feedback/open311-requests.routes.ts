import { FEEDBACK_STATUSES, type FeedbackStatus, vnDate } from '@mot-cua/contracts';
import { open311Status, statusNote, submitFeedback } from '@mot-cua/core';
import { createAdminUnitsRepository, createFeedbackRepository, open311KeyDigest } from '@mot-cua/db';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../write.js';
import { feedbackPortsOf } from './feedback-ports.js';
import { Open311Error, requireFormat, sendOpen311, w3c } from './open311-format.js';
import { open311Jurisdiction } from './open311-jurisdiction.js';
import { isFeedbackKind, OPEN311_SERVICES } from './open311-services.js';

type Params = Record<string, string | undefined>;
const DAY_MS = 86_400_000;
const MAX_RESULTS = 1000;

const num = (v: string | undefined, name: string, min: number, max: number) => {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Open311Error(400, `${name} must be a number between ${min} and ${max}`);
  return n;
};
const text = (v: string | undefined, name: string, max: number) => {
  if (v === undefined || v.trim() === '') return null;
  if (v.length > max) throw new Open311Error(400, `${name} is longer than ${max} characters`);
  return v.trim();
};
const date = (v: string | undefined, name: string) => {
  if (!v) return null;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(d.getTime()))
    throw new Open311Error(400, `${name} must be a W3C date-time`);
  return d;
};
const Email = z.email().max(200);
const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
};
const Phone = z.string().regex(/^\+?[0-9 .-]{8,15}$/);

/** Parameters from the query string and (POST) the url-encoded body; a repeated parameter is refused. */
function paramsOf(req: FastifyRequest): Params {
  const all = {
    ...(req.query as Record<string, unknown>),
    ...((req.body as Record<string, unknown> | undefined) ?? {}),
  };
  const out: Params = {};
  for (const [k, v] of Object.entries(all)) {
    if (Array.isArray(v)) throw new Open311Error(400, `${k} is given more than once`);
    out[k] = typeof v === 'string' ? v : v === undefined ? undefined : String(v);
  }
  return out;
}

/** Open311 service requests: create (API key), list with filters, one, and token look-up. */
export const open311RequestRoutes: FastifyPluginAsync<AppDeps> = async (app: FastifyInstance, deps) => {
  const { db } = deps.database;
  const repo = createFeedbackRepository(db);
  const photoUrl = (id: string) => `${deps.config.publicUrl.replace(/\/$/, '')}/api/feedback/photos/${id}`;

  const jurisdiction = (id: string | undefined) => open311Jurisdiction(deps.database, id, deps.clock.now());

  /**
   * `address_id` in our master address repository, the administrative units: the code of the commune or ward
   * where the matter is (old codes are followed to today's unit). It gives the commune and, without an
   * address_string, the address "<commune>, <province>". It must lie in the jurisdiction and agree with
   * attribute[commune_code].
   */
  async function addressOf(
    id: string | undefined,
    within: { code: string; provinceCode: string; level: string } | undefined,
  ) {
    const code = text(id, 'address_id', 10);
    if (!code) return undefined;
    const units = createAdminUnitsRepository(db);
    const today = vnDate(deps.clock.now());
    const unit = /^[0-9A-Za-z]{2,10}$/.test(code) ? await units.findUnit(code, today) : undefined;
    if (!unit || unit.level === 'province')
      throw new Open311Error(400, `address_id "${code}" is not the code of a commune or ward`);
    const outside =
      within && (within.level === 'province' ? unit.provinceCode !== within.code : unit.code !== within.code);
    if (outside) throw new Open311Error(400, `address_id "${code}" is outside jurisdiction_id "${within.code}"`);
    const province = await units.findUnit(unit.provinceCode, today);
    return { communeCode: unit.code, address: [unit.fullName, province?.fullName].filter(Boolean).join(', ') };
  }

  type Row = Awaited<ReturnType<typeof repo.open311List>>[number];
  const present = (r: Row) => {
    const published = r.status === 'published';
    const service = OPEN311_SERVICES.find((s) => s.code === r.kind)!;
    const notes =
      r.status === 'refused' && r.refusalReason
        ? `${statusNote('refused')}: ${r.refusalReason}`
        : statusNote(r.status as FeedbackStatus);
    return {
      service_request_id: r.code,
      status: open311Status(r.status as FeedbackStatus),
      status_notes: published && r.answer ? `${notes}. ${r.answer}` : notes,
      service_name: service.name,
      service_code: r.kind,
      // Personal matters stay private: the text is public once an answer is published (without personal details);
      // before that a neutral line (the kind and the field) lets map clients show the request.
      description: published ? r.publicQuestion : [service.name, r.field].filter(Boolean).join(' — '),
      agency_responsible: r.unitName,
      service_notice: null,
      requested_datetime: w3c(r.receivedAt),
      updated_datetime: w3c(r.updatedAt),
      expected_datetime: w3c(r.dueAt),
      // Before publication only the commune and province (public master data), never the submitter's address.
      address: published ? r.address : r.communeAddress,
      // The commune or ward code (our address_id) is no personal detail: given from the start.
      address_id: r.communeCode,
      zipcode: null,
      lat: published ? r.lat : null,
      long: published ? r.long : null,
      // Our own photos, else the client's link (RFC 3986 http/https only, checked on intake), once published.
      media_url: published ? (r.firstPhotoId ? photoUrl(r.firstPhotoId) : r.mediaUrl) : null,
    };
  };

  app.post<{ Params: { format: string } }>(
    '/requests.:format',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const format = requireFormat(req.params.format);
      const p = paramsOf(req);
      if (!p.api_key) throw new Open311Error(403, 'api_key is required');
      const keyName = await repo.apiKeyValid(open311KeyDigest(p.api_key));
      if (!keyName) throw new Open311Error(403, 'Invalid api_key');
      if (!p.service_code) throw new Open311Error(400, 'service_code is required');
      if (!isFeedbackKind(p.service_code)) throw new Open311Error(404, `service_code "${p.service_code}" not found`);
      const lat = num(p.lat, 'lat', 8, 24);
      const long = num(p.long, 'long', 102, 110);
      if ((lat === null) !== (long === null)) throw new Open311Error(400, 'lat and long go together');
      const address = text(p.address_string, 'address_string', 300);
      if (lat === null && !address && !p.address_id) {
        throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');
      }
      const unit = await jurisdiction(p.jurisdiction_id);
      const place = await addressOf(p.address_id, unit);
      const attributeCommune = text(p['attribute[commune_code]'], 'attribute[commune_code]', 10);
      if (place && attributeCommune && attributeCommune !== place.communeCode)
        throw new Open311Error(400, 'address_id and attribute[commune_code] name different communes');
      const communeCode =
        attributeCommune ?? place?.communeCode ?? (unit && unit.level !== 'province' ? unit.code : null);
      if (!communeCode)
        throw new Open311Error(400, 'jurisdiction_id (a commune), address_id or attribute[commune_code] is required');
      const description = text(p.description, 'description', 4000);
      if (!description) throw new Open311Error(400, 'description is required');
      const email = text(p.email, 'email', 200);
      const phone = text(p.phone, 'phone', 20);
      if (email && !Email.safeParse(email).success) throw new Open311Error(400, 'email is not a valid e-mail address');
      if (phone && !Phone.safeParse(phone).success) throw new Open311Error(400, 'phone is not a valid phone number');
      const name =
        [text(p.first_name, 'first_name', 60), text(p.last_name, 'last_name', 60)].filter(Boolean).join(' ') || null;
      const media = text(p.media_url, 'media_url', 500);
      if (media && !isHttpUrl(media)) throw new Open311Error(400, 'media_url must be an http or https URL');
      const r = await inTransaction(deps, req, feedbackPortsOf(deps), (ports) =>
        submitFeedback(
          {
            channel: 'api',
            kind: p.service_code as never,
            title: description.slice(0, 120),
            content: description,
            mediaUrl: media,
            field: text(p['attribute[field]'], 'attribute[field]', 300),
            communeCode,
            dossierCode: text(p['attribute[dossier_code]'], 'attribute[dossier_code]', 40),
            anonymous: !email && !phone,
            submitterName: name,
            submitterPhone: phone,
            submitterEmail: email,
            address: address ?? place?.address ?? null,
            lat,
            long,
            photos: [],
            counterId: null,
          },
          { actor: undefined, now: deps.clock.now() },
          ports,
        ),
      );
      const notice = `Đã tiếp nhận; hạn xem xét ${w3c(r.dueAt)}`;
      const items = [{ service_request_id: r.code, token: r.token, service_notice: notice, account_id: null }];
      return sendOpen311(reply, format, { root: 'service_requests', item: 'request', items }, 201);
    },
  );

  app.get<{ Params: { format: string } }>('/requests.:format', async (req, reply) => {
    const format = requireFormat(req.params.format);
    const p = paramsOf(req);
    const unit = await jurisdiction(p.jurisdiction_id);
    const ids = p.service_request_id
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids) {
      // The specification: with service_request_id, every other parameter is ignored.
      const rows = await repo.open311List({ ids, from: new Date(0), to: new Date(), limit: MAX_RESULTS });
      return sendOpen311(reply, format, { root: 'service_requests', item: 'request', items: rows.map(present) });
    }
    const codes = p.service_code?.split(',').map((s) => s.trim());
    if (codes?.some((c) => !isFeedbackKind(c)))
      throw new Open311Error(404, `service_code "${p.service_code}" not found`);
    const wanted = p.status?.split(',').map((s) => s.trim());
    if (wanted?.some((s) => s !== 'open' && s !== 'closed'))
      throw new Open311Error(400, 'status must be open or closed');
    const end = date(p.end_date, 'end_date') ?? deps.clock.now();
    const start = date(p.start_date, 'start_date') ?? new Date(end.getTime() - 90 * DAY_MS);
    if (start.getTime() > end.getTime()) throw new Open311Error(400, 'start_date is after end_date');
    const rows = await repo.open311List({
      provinceCode: unit?.level === 'province' ? unit.code : undefined,
      communeCode: unit && unit.level !== 'province' ? unit.code : undefined,
      kinds: codes,
      statuses: wanted && FEEDBACK_STATUSES.filter((s) => wanted.includes(open311Status(s))),
      from: start,
      to: end,
      limit: MAX_RESULTS,
    });
    return sendOpen311(reply, format, { root: 'service_requests', item: 'request', items: rows.map(present) });
  });

  app.get<{ Params: { id: string; format: string } }>('/requests/:id.:format', async (req, reply) => {
    const format = requireFormat(req.params.format);
    const rows = await repo.open311List({ ids: [req.params.id], from: new Date(0), to: new Date(), limit: 1 });
    if (rows.length === 0) throw new Open311Error(404, `service_request_id "${req.params.id}" not found`);
    return sendOpen311(reply, format, { root: 'service_requests', item: 'request', items: rows.map(present) });
  });

  app.get<{ Params: { token: string; format: string } }>('/tokens/:token.:format', async (req, reply) => {
    const format = requireFormat(req.params.format);
    const r = /^[A-Za-z0-9_-]{16,64}$/.test(req.params.token) ? await repo.byToken(req.params.token) : undefined;
    if (!r) throw new Open311Error(404, `token "${req.params.token}" not found`);
    const items = [{ service_request_id: r.code, token: req.params.token }];
    return sendOpen311(reply, format, { root: 'service_requests', item: 'request', items });
  });
};
