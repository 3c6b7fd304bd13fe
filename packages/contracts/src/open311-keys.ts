import { z } from 'zod';

/**
 * API keys of Open311 GeoReport v2 clients (a civic-tech app, a city's hotline software): issued by a national
 * system administrator, shown once, stored as a SHA-256 digest only, revocable.
 */
export const Open311KeyInput = z.object({
  name: z.string().trim().min(3).max(120).describe('Who uses the key, e.g. "Ứng dụng Công dân số – Sở TT&TT"'),
});
export type Open311KeyInput = z.infer<typeof Open311KeyInput>;

export const Open311Key = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** The key's first characters, to tell keys apart (the rest is never stored). */
  prefix: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Open311Key = z.infer<typeof Open311Key>;

export const Open311Keys = z.object({ items: z.array(Open311Key) });
export type Open311Keys = z.infer<typeof Open311Keys>;

/** The answer to issuing a key: the only time the key itself is shown. */
export const Open311KeyIssued = z.object({ id: z.string().uuid(), name: z.string(), key: z.string() });
export type Open311KeyIssued = z.infer<typeof Open311KeyIssued>;
