import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPortalSignature } from './webhook-signature.js';

const secret = 'a-shared-secret-of-the-portal';
const sign = (ts: string, body: string, key = secret) =>
  `sha256=${createHmac('sha256', key).update(`${ts}.${body}`).digest('hex')}`;
const now = new Date('2026-03-02T02:00:00Z');
const ts = String(now.getTime() / 1000);
const body = '{"event":"dossier.submitted","dossier":{"MaHoSoQG":"G22.99-260302-000001"}}';

describe('signature of a push from the national portal', () => {
  it('accepts the HMAC of "<timestamp>.<raw body>" made with the shared secret', () => {
    expect(checkPortalSignature({ secret, timestamp: ts, signature: sign(ts, body), body, now })).toBe('ok');
  });
  it('refuses another secret, a changed body or a changed timestamp', () => {
    expect(
      checkPortalSignature({ secret, timestamp: ts, signature: sign(ts, body, 'another-secret-xx'), body, now }),
    ).toBe('mismatch');
    expect(
      checkPortalSignature({ secret, timestamp: ts, signature: sign(ts, body), body: body.replace('01"', '02"'), now }),
    ).toBe('mismatch');
    const later = String(Number(ts) + 1);
    expect(checkPortalSignature({ secret, timestamp: later, signature: sign(ts, body), body, now })).toBe('mismatch');
  });
  it('refuses a push older or newer than five minutes (replay), and one without the headers', () => {
    const old = String(Number(ts) - 301);
    expect(checkPortalSignature({ secret, timestamp: old, signature: sign(old, body), body, now })).toBe('stale');
    const within = String(Number(ts) - 299);
    expect(checkPortalSignature({ secret, timestamp: within, signature: sign(within, body), body, now })).toBe('ok');
    expect(checkPortalSignature({ secret, timestamp: undefined, signature: sign(ts, body), body, now })).toBe(
      'missing',
    );
    expect(checkPortalSignature({ secret, timestamp: ts, signature: undefined, body, now })).toBe('missing');
    expect(checkPortalSignature({ secret, timestamp: 'yesterday', signature: sign(ts, body), body, now })).toBe(
      'missing',
    );
  });
});
