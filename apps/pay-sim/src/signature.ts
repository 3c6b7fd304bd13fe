import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a gateway message, as Vietnamese gateways sign theirs: the fields other than `signature`,
 * sorted by name, as `name=value` joined by `&` (values URI-encoded), HMAC-SHA256 with the merchant's secret, hex.
 */
export function signFields(fields: Record<string, string | number | null | undefined>, secret: string): string {
  const canonical = Object.keys(fields)
    .filter((k) => k !== 'signature' && fields[k] !== undefined && fields[k] !== null)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(String(fields[k]))}`)
    .join('&');
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

/** Constant-time check of a message's `signature` field. */
export function verifyFields(fields: Record<string, string | number | null | undefined>, secret: string): boolean {
  const given = String(fields.signature ?? '');
  const expected = signFields(fields, secret);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
