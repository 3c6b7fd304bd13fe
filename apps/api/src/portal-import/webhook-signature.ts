import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of the portal's signed push (the simulator sends the same). */
export const PORTAL_TIMESTAMP_HEADER = 'x-dvcqg-timestamp';
export const PORTAL_SIGNATURE_HEADER = 'x-dvcqg-signature';

/** How far the push's timestamp may be from our clock: older pushes are refused as replays. */
export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

/**
 * Check a push from the portal: `x-dvcqg-signature: sha256=<hex>` is HMAC-SHA256 with the shared secret over
 * `<timestamp>.<raw body>`, and the timestamp (Unix seconds) is within five minutes of `now`. Compared in
 * constant time. A replay inside the window imports nothing (the portal code is unique).
 */
export function checkPortalSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing';
  if (Math.abs(input.now.getTime() - Number(timestamp) * 1000) > WEBHOOK_TOLERANCE_MS) return 'stale';
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', input.secret).update(`${timestamp}.${input.body}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}
