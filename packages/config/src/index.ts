import { type Config, ConfigError } from './config-shape.js';
import { EnvSchema } from './env-schema.js';
import { checkEnv, checkReranker } from './production-checks.js';
import { parseTrustProxy } from './trust-proxy.js';

export { type Config, ConfigError } from './config-shape.js';
export { databaseOptions, describeDatabase } from './database-config.js';
export { startupWarnings } from './startup-warnings.js';

/** Validate the environment once and return a frozen, typed configuration. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  checkEnv(e);
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'string') throw new ConfigError([`TRUST_PROXY: ${trustProxy}`]);
  checkReranker(e);
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.NODE_ENV !== 'production',
    trustProxy: trustProxy.value,
    lockout: Object.freeze({
      loginFailuresPerUsername: e.LOGIN_FAILURES_PER_USERNAME,
      lookupFailuresPerCode: e.LOOKUP_FAILURES_PER_CODE,
      windowMs: e.LOCKOUT_MINUTES * 60_000,
    }),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    systemCode: e.SYSTEM_CODE,
    webDistDir: e.WEB_DIST_DIR,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    searchReranker:
      e.SEARCH_RERANKER_MODEL && e.SEARCH_RERANKER_VOCAB
        ? {
            modelPath: e.SEARCH_RERANKER_MODEL,
            vocabPath: e.SEARCH_RERANKER_VOCAB,
            queryPrefix: e.SEARCH_RERANKER_QUERY_PREFIX,
            passagePrefix: e.SEARCH_RERANKER_PASSAGE_PREFIX,
          }
        : undefined,
    portal: Object.freeze({
      url: e.PORTAL_URL,
      apiKey: e.PORTAL_API_KEY,
      simPort: e.PORTAL_SIM_PORT,
      webhookSecret: e.PORTAL_WEBHOOK_SECRET,
    }),
    oidc: Object.freeze({
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      idNumberClaim: e.OIDC_ID_NUMBER_CLAIM,
      simPort: e.OIDC_SIM_PORT,
    }),
    draftPurge: Object.freeze({ afterDays: e.DRAFT_PURGE_DAYS, intervalMs: e.DRAFT_PURGE_INTERVAL_MS }),
    payment: Object.freeze({
      gatewayUrl: e.PAYMENT_GATEWAY_URL,
      merchantId: e.PAYMENT_MERCHANT_ID,
      secret: e.PAYMENT_SECRET,
      simPort: e.PAYMENT_SIM_PORT,
    }),
    outbox: Object.freeze({
      dispatcher: e.OUTBOX_DISPATCHER,
      concurrency: e.OUTBOX_CONCURRENCY,
      timeoutMs: e.OUTBOX_TIMEOUT_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      pollMs: e.OUTBOX_POLL_MS,
    }),
    portalImport: Object.freeze({ mode: e.PORTAL_IMPORT, pollMs: e.PORTAL_IMPORT_POLL_MS }),
    files: Object.freeze(
      e.FILE_STORE === 's3'
        ? {
            store: 's3' as const,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET ?? '',
            prefix: e.S3_PREFIX,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : { store: 'fs' as const },
    ),
    database: Object.freeze({
      connectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      maintenanceStatementTimeoutMs: e.DB_MAINTENANCE_STATEMENT_TIMEOUT_MS,
      jit: e.DB_JIT,
      maxParallelWorkersPerGather: e.DB_MAX_PARALLEL_WORKERS_PER_GATHER,
    }),
    notifications: Object.freeze({
      smtpUrl: e.SMTP_URL,
      from: e.SMTP_FROM,
      smsUrl: e.SMS_GATEWAY_URL,
      smsApiKey: e.SMS_API_KEY,
      simHttpPort: e.NOTIFY_SIM_PORT,
      simSmtpPort: e.SMTP_SIM_PORT,
    }),
  });
}
