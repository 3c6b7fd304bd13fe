import { vnIso } from '@mot-cua/contracts';
import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Open311 GeoReport v2 output: JSON or XML by the resource's extension, UTF-8, errors as the specification's
 * list of { code, description } (XML: <errors><error>…</error></errors>), dates in W3C format with the offset.
 */
export type Open311Format = 'json' | 'xml';

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

/** The format a request asked for, from the path's extension (".json" or ".xml"). */
export function formatOf(req: FastifyRequest): Open311Format | undefined {
  const path = req.url.split('?')[0] ?? '';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  return undefined;
}

export function requireFormat(format: string): Open311Format {
  if (format === 'json' || format === 'xml') return format;
  throw new Open311Error(400, `Unsupported format "${format}": use .json or .xml`);
}

/** Vietnam time in the W3C profile of ISO 8601 with its offset, e.g. 2026-03-02T09:00:00+07:00. */
export function w3c(d: Date | string | null | undefined): string | null {
  return d ? vnIso(new Date(d)) : null;
}

const xmlValue = (v: unknown): unknown => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(xmlValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlValue(x)]));
  return v;
};

/**
 * Send a list in the requested format. XML wraps each item in `<item>` under `<root>` (e.g. services/service,
 * service_requests/request); JSON is the bare array. `single` sends one object (a service definition).
 */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  body: { root: string; item?: string; items?: unknown[]; single?: Record<string, unknown> },
  status = 200,
) {
  reply.status(status);
  if (format === 'json') {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(body.single ?? body.items ?? []));
  }
  const content = body.single ? xmlValue(body.single) : { [body.item!]: xmlValue(body.items ?? []) };
  const xml = builder.build({ [body.root]: content });
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`);
}

export function sendOpen311Error(reply: FastifyReply, format: Open311Format, status: number, description: string) {
  return sendOpen311(reply, format, { root: 'errors', item: 'error', items: [{ code: status, description }] }, status);
}
