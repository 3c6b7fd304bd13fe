import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig, startupWarnings } from './index.js';

describe('loadConfig', () => {
  it('applies development defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./.data');
    expect(c.seedDemo).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('rejects invalid values naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ SYSTEM_CODE: '1' })).toThrow(/SYSTEM_CODE/);
  });
  it('reads the portal and outbox settings, validated', () => {
    const c = loadConfig({ PORTAL_URL: 'https://dvc.example.vn/sync', PORTAL_API_KEY: 'k', OUTBOX_CONCURRENCY: '4' });
    expect(c.portal).toEqual({
      url: 'https://dvc.example.vn/sync',
      apiKey: 'k',
      simPort: 3001,
      webhookSecret: undefined,
    });
    expect(loadConfig({ PORTAL_WEBHOOK_SECRET: 's'.repeat(32) }).portal.webhookSecret).toBe('s'.repeat(32));
    expect(() => loadConfig({ PORTAL_WEBHOOK_SECRET: 'short' })).toThrow(/PORTAL_WEBHOOK_SECRET/);
    expect(c.outbox).toMatchObject({ dispatcher: 'in-process', concurrency: 4, timeoutMs: 10_000, maxAttempts: 50 });
    expect(() => loadConfig({ PORTAL_URL: 'not a url' })).toThrow(/PORTAL_URL/);
    expect(() => loadConfig({ OUTBOX_DISPATCHER: 'sometimes' })).toThrow(/OUTBOX_DISPATCHER/);
    expect(() => loadConfig({ OUTBOX_CONCURRENCY: '0' })).toThrow(/OUTBOX_CONCURRENCY/);
  });
  it('refuses production without the national portal (the simulator is not for production)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PORTAL_URL: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', PORTAL_URL: 'https://dvc.example.vn' })).toThrow(/SMTP_URL/);
    const prod = {
      NODE_ENV: 'production',
      PORTAL_URL: 'https://dvc.example.vn',
      SMTP_URL: 'smtp://mail.example.vn:587',
      SMS_GATEWAY_URL: 'https://sms.example.vn',
      OIDC_ISSUER: 'https://sso.vneid.example.vn',
      PAYMENT_GATEWAY_URL: 'https://pay.example.vn',
      PAYMENT_SECRET: 'a-long-shared-secret-0123',
    };
    // The stand-in identity provider (demo citizens) and payment simulator never run in production either.
    expect(() => loadConfig({ ...prod, OIDC_ISSUER: undefined })).toThrow(/OIDC_ISSUER: required/);
    expect(() => loadConfig({ ...prod, PAYMENT_GATEWAY_URL: undefined })).toThrow(/PAYMENT_GATEWAY_URL: required/);
    expect(loadConfig(prod).portal.url).toBe('https://dvc.example.vn');
    expect(loadConfig(prod).notifications).toMatchObject({
      smtpUrl: 'smtp://mail.example.vn:587',
      smsApiKey: undefined,
    });
    expect(loadConfig({ NODE_ENV: 'development' }).portal.url).toBeUndefined();
  });
  it('never prints the database password', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db.local:5433/motcua' });
    const d = describeDatabase(c);
    expect(d).toContain('db.local:5433/motcua');
    expect(d).not.toContain('s3cret');
  });
});

describe('assistant reranker settings', () => {
  it('takes the model and vocabulary together, or neither', () => {
    expect(loadConfig({}).searchReranker).toBeUndefined();
    expect(loadConfig({ SEARCH_RERANKER_MODEL: '/m.onnx', SEARCH_RERANKER_VOCAB: '/v.txt' }).searchReranker).toEqual({
      modelPath: '/m.onnx',
      vocabPath: '/v.txt',
      queryPrefix: undefined,
      passagePrefix: undefined,
    });
    const e5 = {
      SEARCH_RERANKER_MODEL: '/e5/model.onnx',
      SEARCH_RERANKER_VOCAB: '/e5/tokenizer.json',
      SEARCH_RERANKER_QUERY_PREFIX: 'query: ',
      SEARCH_RERANKER_PASSAGE_PREFIX: 'passage: ',
    };
    expect(loadConfig(e5).searchReranker).toMatchObject({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(() => loadConfig({ SEARCH_RERANKER_QUERY_PREFIX: 'query: ' })).toThrow(/only with SEARCH_RERANKER_MODEL/);
    expect(() => loadConfig({ SEARCH_RERANKER_MODEL: '/m.onnx' })).toThrow(/SEARCH_RERANKER_VOCAB/);
  });
});

describe('startupWarnings', () => {
  it('warns in production when PUBLIC_URL is unset, not when set or in development', () => {
    const prod = {
      NODE_ENV: 'production',
      PORTAL_URL: 'https://dvc.example.vn',
      SMTP_URL: 'smtp://mail.example.vn:587',
      SMS_GATEWAY_URL: 'https://sms.example.vn',
      OIDC_ISSUER: 'https://sso.vneid.example.vn',
      PAYMENT_GATEWAY_URL: 'https://pay.example.vn',
      PAYMENT_SECRET: 'a-long-shared-secret-0123',
    };
    expect(startupWarnings(prod, loadConfig(prod))).toEqual([expect.stringContaining('PUBLIC_URL is not set')]);
    const set = { ...prod, PUBLIC_URL: 'https://motcua.example.vn' };
    expect(startupWarnings(set, loadConfig(set))).toEqual([]);
    expect(startupWarnings({}, loadConfig({}))).toEqual([]);
  });

  it('points slips at this machine on its own port when PUBLIC_URL is unset', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3200' }).publicUrl).toBe('http://localhost:3200');
    expect(loadConfig({ PORT: '3200', PUBLIC_URL: 'https://motcua.example.vn' }).publicUrl).toBe(
      'https://motcua.example.vn',
    );
  });
});
