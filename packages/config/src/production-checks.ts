import { ConfigError } from './config-shape.js';
import type { Env } from './env-schema.js';

/**
 * The rules across variables that the schema alone cannot say: what production requires and refuses, and the
 * settings that go in pairs. Throws a ConfigError naming what to fix.
 */
export function checkEnv(e: Env): void {
  if (e.NODE_ENV === 'production') {
    // The simulators (national portal, mail catcher, SMS gateway, identity provider, payment gateway) are for
    // development and tests only: a stand-in VNeID with demo citizens must never run in production.
    const missing = [
      !e.PORTAL_URL &&
        'PORTAL_URL: required when NODE_ENV=production (the address of the national public service portal); ' +
          'the portal simulator only starts in development and test',
      !e.SMTP_URL && 'SMTP_URL: required when NODE_ENV=production (the mail server for applicant e-mails)',
      !e.SMS_GATEWAY_URL && 'SMS_GATEWAY_URL: required when NODE_ENV=production (the SMS gateway for applicant SMS)',
      !e.OIDC_ISSUER &&
        "OIDC_ISSUER: required when NODE_ENV=production (the citizens' identity provider, VNeID); the local provider only starts in development and test",
      !e.PAYMENT_GATEWAY_URL &&
        'PAYMENT_GATEWAY_URL: required when NODE_ENV=production (the online payment gateway); the simulator only starts in development and test',
    ].filter((m): m is string => Boolean(m));
    if (missing.length) throw new ConfigError(missing);
  }
  if (e.PAYMENT_GATEWAY_URL && !e.PAYMENT_SECRET) {
    throw new ConfigError(['PAYMENT_SECRET: required with PAYMENT_GATEWAY_URL']);
  }
  if (e.NODE_ENV === 'production' && e.SEED_DEMO === 'true') {
    throw new ConfigError([
      'SEED_DEMO: demo data (accounts with published passwords) is refused in production; create the first administrator with `npm run admin:create`',
    ]);
  }
  if (e.FILE_STORE === 's3' && !e.S3_BUCKET) throw new ConfigError(['S3_BUCKET: required with FILE_STORE=s3']);
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(['S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither']);
  }
}

/** Checks that run after TRUST_PROXY is parsed (kept in the original order: trust proxy, then the reranker). */
export function checkReranker(e: Env): void {
  if (Boolean(e.SEARCH_RERANKER_MODEL) !== Boolean(e.SEARCH_RERANKER_VOCAB)) {
    throw new ConfigError(['SEARCH_RERANKER_MODEL and SEARCH_RERANKER_VOCAB: set both or neither']);
  }
  if (!e.SEARCH_RERANKER_MODEL && (e.SEARCH_RERANKER_QUERY_PREFIX || e.SEARCH_RERANKER_PASSAGE_PREFIX)) {
    throw new ConfigError(['SEARCH_RERANKER_QUERY_PREFIX / _PASSAGE_PREFIX: only with SEARCH_RERANKER_MODEL']);
  }
}
