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

export type PortalInboundClient = { fetchPage(cursor: number, limit: number): Promise<FeedOutcome> };

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
 * GET one page of online dossiers after `cursor`. A well-formed 200 becomes a page; anything else (another
 * status, a body that is not a page, a cut connection, a time-out) an outcome core's retry rules understand.
 */
export function createPortalInboundClient(opts: {
  url: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}): PortalInboundClient {
  const base = opts.url.endsWith('/') ? opts.url : `${opts.url}/`;
  return {
    async fetchPage(cursor, limit) {
      const u = new URL(PORTAL_DOSSIERS_PATH.slice(1), base);
      u.searchParams.set('cursor', String(cursor));
      u.searchParams.set('limit', String(limit));
      try {
        const res = await fetch(u, {
          headers: { accept: 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        const body = await res.text();
        if (res.status !== 200) {
          return { kind: 'response', status: res.status, body, retryAfter: res.headers.get('retry-after') };
        }
        let parsed: { items?: unknown; nextCursor?: unknown };
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          return { kind: 'network', error: 'the page is not JSON' };
        }
        if (
          !Array.isArray(parsed.items) ||
          !Number.isInteger(parsed.nextCursor) ||
          !parsed.items.every(isFeedDossier)
        ) {
          return { kind: 'network', error: 'the page does not have the expected shape' };
        }
        return { kind: 'page', items: parsed.items, nextCursor: parsed.nextCursor as number };
      } catch (e) {
        const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
        if (err.name === 'TimeoutError' || err.name === 'AbortError') return { kind: 'timeout' };
        return { kind: 'network', error: err.cause?.code ?? err.cause?.message ?? err.message ?? String(e) };
      }
    },
  };
}
