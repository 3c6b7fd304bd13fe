import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every environment variable the product reads. Read once at start-up by loadConfig();
 * nothing else in the code base touches process.env.
 */
const EnvSchema = z.object({
  /** postgres://user:pass@host:port/db. When unset the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the embedded database (PGlite). Survives restarts; `npm run reset` wipes it. */
  DATA_DIR: z.string().min(1).default('./.data'),
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().default('127.0.0.1'),
  /** development | production | test. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours for officials' cookies. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Login attempts allowed per IP per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /**
   * Seed demo data (units, officials, procedures) on first start of an empty database. Default true except in
   * production, where it is refused (the demo accounts have published passwords).
   */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /**
   * Which proxies may set X-Forwarded-For: unset or `false` (default) trusts none, the socket address is the
   * client; a hop count (`1` behind one nginx); or a comma-separated list of proxy addresses and CIDRs
   * (`127.0.0.1,10.0.0.0/8`). `true` (trust anyone) is refused.
   */
  TRUST_PROXY: z.string().optional(),
  /** Failed logins of one username within LOCKOUT_MINUTES before it is locked (whatever the IP). */
  LOGIN_FAILURES_PER_USERNAME: z.coerce.number().int().positive().default(10),
  /** Failed public lookups (wrong code or second factor) of one dossier code within LOCKOUT_MINUTES before it is locked. */
  LOOKUP_FAILURES_PER_CODE: z.coerce.number().int().positive().default(10),
  /** Window and length of a per-target lockout. */
  LOCKOUT_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Public base URL, used in QR codes printed on slips (default: this machine at PORT). */
  PUBLIC_URL: z.string().url().optional(),
  /** Two-digit code of the agency that owns this centralised system (AA in the dossier code). */
  SYSTEM_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default('01'),
  /** Folder holding the built web app (apps/web/dist). */
  WEB_DIST_DIR: z.string().optional(),
  /** Max request body in bytes (uploads are checked separately). */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Optional semantic reranker of the assistant: a sentence-embedding ONNX model file the operator provides. */
  SEARCH_RERANKER_MODEL: z.string().optional(),
  /** Its WordPiece vocabulary (vocab.txt, one token per line); required with the model. */
  SEARCH_RERANKER_VOCAB: z.string().optional(),
  /** Base URL of the national portal's sync API. Unset: the simulator (apps/portal-sim) starts beside the API. */
  PORTAL_URL: z.string().url().optional(),
  /** Credential sent to the portal as `Authorization: Bearer …`. */
  PORTAL_API_KEY: z.string().min(1).optional(),
  /**
   * Shared secret of the portal's signed webhook push of new online dossiers (HMAC-SHA256 of timestamp and body).
   * Unset with PORTAL_URL: the webhook is off and dossiers arrive by the pull only; the simulator gets a random one.
   */
  PORTAL_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Port of the simulator started when PORTAL_URL is unset (0: any free port). */
  PORTAL_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Where the outbox dispatcher runs: inside the API process, or `off` (separate `npm run dispatcher`). */
  OUTBOX_DISPATCHER: z.enum(['in-process', 'off']).default('in-process'),
  /** Rows delivered at once (different dossiers; one dossier's rows always one after another). */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Time-out of one delivery request. */
  OUTBOX_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Failed attempts before a transiently failing row goes to the dead-letter list. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(50),
  /** Idle wait between two polls of an empty outbox. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  /** Import of online dossiers from the national portal: in the API process, or `off`. */
  PORTAL_IMPORT: z.enum(['in-process', 'off']).default('in-process'),
  /** Wait between two pulls of the portal's online-dossier feed when it had nothing new. */
  PORTAL_IMPORT_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** SMTP server for applicant e-mails (smtp://user:pass@host:port or smtps://…). Unset: the mail catcher starts. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of applicant e-mails. */
  SMTP_FROM: z.string().min(3).default('Một Cửa <khong-tra-loi@motcua.local>'),
  /** Base URL of the SMS gateway (POST /api/v1/sms). Unset: the SMS gateway simulator starts. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  /** Credential sent to the SMS gateway as `Authorization: Bearer …`. */
  SMS_API_KEY: z.string().min(1).optional(),
  /** HTTP port of the notification simulators (SMS gateway, captured mail and SMS) when they start. */
  NOTIFY_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** SMTP port of the mail catcher when it starts. */
  SMTP_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Citizens' OpenID Connect provider (VNeID). Unset: the local provider (apps/id-sim) starts beside the API. */
  OIDC_ISSUER: z.string().url().optional(),
  /** Client id registered at the provider. */
  OIDC_CLIENT_ID: z.string().min(1).default('mot-cua'),
  /** Client secret (client_secret_basic); unset: a public client (PKCE only). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Scopes asked for, space-separated (must include openid). */
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid profile phone vneid'),
  /** Claim (ID token or user info) holding the 12-digit personal identification number. */
  OIDC_ID_NUMBER_CLAIM: z.string().min(1).default('id_number'),
  /** Port of the local provider started when OIDC_ISSUER is unset (0: any free port). */
  OIDC_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  /** Payment gateway (create payment, redirect, HMAC-signed notification). Unset: the simulator (apps/pay-sim). */
  PAYMENT_GATEWAY_URL: z.string().url().optional(),
  /** Merchant id at the gateway. */
  PAYMENT_MERCHANT_ID: z.string().min(1).default('MOTCUA01'),
  /** Shared secret of the HMAC signatures (required with PAYMENT_GATEWAY_URL; the simulator gets a random one). */
  PAYMENT_SECRET: z.string().min(16).optional(),
  /** Port of the simulator started when PAYMENT_GATEWAY_URL is unset (0: any free port). */
  PAYMENT_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  /** Citizens' drafts untouched (not saved) for this many days are purged by the API process, with their files. */
  DRAFT_PURGE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the API process runs the purge of stale drafts. */
  DRAFT_PURGE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  /**
   * Where attachment contents live: `fs` (default: DATA_DIR/files, content-addressed by sha256) or `s3` (an
   * S3-compatible bucket: S3_BUCKET and the S3_* below). Uploads are spooled under DATA_DIR/files/tmp either way.
   */
  FILE_STORE: z.enum(['fs', 's3']).default('fs'),
  /** S3 endpoint (https://s3.example.vn, a MinIO or Ceph gateway); unset: the provider's default for the region. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  /** Key prefix inside the bucket (e.g. `mot-cua/files/`). */
  S3_PREFIX: z.string().default(''),
  /** Access key; unset: the SDK's default chain (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addresses (bucket in the path), as MinIO and most gateways want. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  seedDemo: boolean;
  /** Fastify's trustProxy: false, a hop count or a list of addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Per-target lockouts (per username for logins, per dossier code for public lookups and slips). */
  lockout: Readonly<{ loginFailuresPerUsername: number; lookupFailuresPerCode: number; windowMs: number }>;
  publicUrl: string;
  systemCode: string;
  webDistDir: string | undefined;
  bodyLimitBytes: number;
  /** Model and vocabulary of the optional assistant reranker (both or neither). */
  searchReranker: { modelPath: string; vocabPath: string } | undefined;
  portal: Readonly<{
    url: string | undefined;
    apiKey: string | undefined;
    simPort: number;
    webhookSecret: string | undefined;
  }>;
  /** Citizens' sign-in (OpenID Connect): issuer unset means the local provider. */
  oidc: Readonly<{
    issuer: string | undefined;
    clientId: string;
    clientSecret: string | undefined;
    scopes: string;
    idNumberClaim: string;
    simPort: number;
  }>;
  /** Online payment gateway: url unset means the simulator. */
  /** Purge of citizens' drafts nobody saved for `afterDays` days, every `intervalMs`. */
  draftPurge: Readonly<{ afterDays: number; intervalMs: number }>;
  payment: Readonly<{
    gatewayUrl: string | undefined;
    merchantId: string;
    secret: string | undefined;
    simPort: number;
  }>;
  outbox: Readonly<{
    dispatcher: 'in-process' | 'off';
    concurrency: number;
    timeoutMs: number;
    maxAttempts: number;
    pollMs: number;
  }>;
  portalImport: Readonly<{ mode: 'in-process' | 'off'; pollMs: number }>;
  /** Where attachment contents live (FILE_STORE and S3_*). */
  files: Readonly<
    | { store: 'fs' }
    | {
        store: 's3';
        endpoint: string | undefined;
        region: string;
        bucket: string;
        prefix: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      }
  >;
  notifications: Readonly<{
    smtpUrl: string | undefined;
    from: string;
    smsUrl: string | undefined;
    smsApiKey: string | undefined;
    simHttpPort: number;
    simSmtpPort: number;
  }>;
}>;

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validate the environment once and return a frozen, typed configuration. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
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
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'string') throw new ConfigError([`TRUST_PROXY: ${trustProxy}`]);
  if (Boolean(e.SEARCH_RERANKER_MODEL) !== Boolean(e.SEARCH_RERANKER_VOCAB)) {
    throw new ConfigError(['SEARCH_RERANKER_MODEL and SEARCH_RERANKER_VOCAB: set both or neither']);
  }
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
        ? { modelPath: e.SEARCH_RERANKER_MODEL, vocabPath: e.SEARCH_RERANKER_VOCAB }
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

/** TRUST_PROXY → Fastify's trustProxy, or the reason it is refused. */
function parseTrustProxy(raw: string | undefined): { value: false | number | string[] } | string {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === 'off' || v === '0') return { value: false };
  if (v === 'true') return 'true would trust X-Forwarded-For from anyone; give a hop count or proxy addresses';
  if (/^\d+$/.test(v)) return { value: Math.min(Number(v), 10) };
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of list) {
    const [addr = '', bits, extra] = item.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      return `"${item}" is neither an IP address nor a CIDR`;
    }
  }
  return { value: list };
}

/** Describe where the data lives without ever printing a password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite (embedded) at ${config.dataDir}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.username ? `${u.username}@` : ''}${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/**
 * What an operator should fix before serving the public, logged as warnings at start-up: in production, a
 * missing PUBLIC_URL makes every QR code printed on a slip point to localhost.
 */
export function startupWarnings(env: Record<string, string | undefined>, config: Config): string[] {
  const out: string[] = [];
  if (config.env === 'production' && !env.PUBLIC_URL) {
    out.push(
      `PUBLIC_URL is not set: QR codes on printed slips point to ${config.publicUrl}; set it to the address citizens use`,
    );
  }
  return out;
}
