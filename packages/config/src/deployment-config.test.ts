import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.js';

/** Production needs the real outside services (no simulator runs there). */
const production = {
  NODE_ENV: 'production',
  PORTAL_URL: 'https://dvc.example.vn',
  SMTP_URL: 'smtp://mail.example.vn:587',
  SMS_GATEWAY_URL: 'https://sms.example.vn',
  OIDC_ISSUER: 'https://sso.vneid.example.vn',
  PAYMENT_GATEWAY_URL: 'https://pay.example.vn',
  PAYMENT_SECRET: 'a-long-shared-secret-0123',
};

describe('deployment settings (issue 16)', () => {
  it('refuses demo data in production, and does not seed it there by default', () => {
    expect(() => loadConfig({ ...production, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO.*production/);
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('trusts no proxy by default; a hop count or a list of addresses and CIDRs when given', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
  });

  it('refuses trusting everyone and addresses that are not addresses', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*anyone/);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('per-target lockouts have defaults and can be tuned', () => {
    expect(loadConfig({}).lockout).toEqual({
      loginFailuresPerUsername: 10,
      lookupFailuresPerCode: 10,
      windowMs: 900_000,
    });
    expect(loadConfig({ LOGIN_FAILURES_PER_USERNAME: '3', LOCKOUT_MINUTES: '1' }).lockout).toMatchObject({
      loginFailuresPerUsername: 3,
      windowMs: 60_000,
    });
  });
});
