import type { DeliveryOutcome, PortalDossier } from '@mot-cua/core';

/** Path of the portal's online-dossier feed under PORTAL_URL (the simulator serves the same). */
export const PORTAL_DOSSIERS_PATH = '/api/v1/dossiers';

/** One online dossier as the feed carries it: the fields core reads plus the files (base64). */
export type FeedDossier = PortalDossier & {
  TepDinhKem?: Array<{
    TenTep: string;
    MaThanhPhan?: string;
    LoaiTep?: string;
    NoiDung: string;
    /** Reused from data the administration already holds. */
    DuocTaiSuDung?: boolean;
    /** Taken from the citizen's personal data store on the portal. */
    DuocLayTuKhoDMQG?: boolean;
  }>;
};

export type FeedPage = { kind: 'page'; items: FeedDossier[]; nextCursor: number };
export type FeedOutcome =
  | FeedPage
  | Exclude<DeliveryOutcome, { kind: 'response' }>
  | (DeliveryOutcome & { kind: 'response' });

/** One dossier looked up by its national code: found, gone (404), or a failure core's retry rules understand. */
export type LookupOutcome =
  | { kind: 'found'; item: FeedDossier }
  | { kind: 'not_found' }
  | Exclude<DeliveryOutcome, { kind: 'response' }>
  | (DeliveryOutcome & { kind: 'response' });

export type PortalInboundClient = {
  fetchPage(cursor: number, limit: number): Promise<FeedOutcome>;
  /** The portal's "get dossier by code", with its files. */
  fetchByCode(portalCode: string): Promise<LookupOutcome>;
};

function isFeedDossier(x: unknown): x is FeedDossier {
  const d = x as FeedDossier;
  return (
    typeof d === 'object' &&
    d !== null &&
    Number.isInteger(d.seq) &&
    typeof d.MaHoSoQG === 'string' &&
    typeof d.MaTTHC === 'string' &&
    typeof d.MaDonVi === 'string' &&
    typeof d.ChuHoSo?.HoTen === 'string'
  );
}

/**
 * GET one page of online dossiers after `cursor`, or one dossier by its code. A well-formed 200 becomes a page
 * (a dossier; a 404 \"not found\"); anything else (another status, a body of another shape, a cut connection, a
 * time-out) an outcome core's retry rules understand.
 */
export function createPortalInboundClient(opts: {
  url: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}): PortalInboundClient {
  const base = opts.url.endsWith('/') ? opts.url : `${opts.url}/`;
  /** GET a path of the portal as JSON: the parsed body of a 200, or the failure as an outcome. */
  async function getJson(
    u: URL,
  ): Promise<{ kind: 'json'; body: unknown } | Exclude<LookupOutcome, { kind: 'found' | 'not_found' }>> {
    try {
      const res = await fetch(u, {
        headers: { accept: 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const body = await res.text();
      if (res.status !== 200) {
        return { kind: 'response', status: res.status, body, retryAfter: res.headers.get('retry-after') };
      }
      try {
        return { kind: 'json', body: JSON.parse(body) as unknown };
      } catch {
        return { kind: 'network', error: 'the answer is not JSON' };
      }
    } catch (e) {
      const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') return { kind: 'timeout' };
      return { kind: 'network', error: err.cause?.code ?? err.cause?.message ?? err.message ?? String(e) };
    }
  }
  return {
    async fetchPage(cursor, limit) {
      const u = new URL(PORTAL_DOSSIERS_PATH.slice(1), base);
      u.searchParams.set('cursor', String(cursor));
      u.searchParams.set('limit', String(limit));
      const r = await getJson(u);
      if (r.kind !== 'json') return r;
      const parsed = r.body as { items?: unknown; nextCursor?: unknown };
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        !Array.isArray(parsed.items) ||
        !Number.isInteger(parsed.nextCursor) ||
        !parsed.items.every(isFeedDossier)
      ) {
        return { kind: 'network', error: 'the page does not have the expected shape' };
      }
      return { kind: 'page', items: parsed.items, nextCursor: parsed.nextCursor as number };
    },
    async fetchByCode(portalCode) {
      const u = new URL(`${PORTAL_DOSSIERS_PATH.slice(1)}/${encodeURIComponent(portalCode)}`, base);
      const r = await getJson(u);
      if (r.kind === 'response' && r.status === 404) return { kind: 'not_found' };
      if (r.kind !== 'json') return r;
      if (!isFeedDossier(r.body) || r.body.MaHoSoQG !== portalCode) {
        return { kind: 'network', error: 'the dossier does not have the expected shape' };
      }
      return { kind: 'found', item: r.body };
    },
  };
}
