import { z } from 'zod';

/**
 * Every environment variable the product reads. Read once at start-up by loadConfig();
 * nothing else in the code base touches process.env.
 */
export const EnvSchema = z.object({
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
  /**
   * Its tokenizer, required with the model: a WordPiece vocab.txt (one token per line) or a Hugging Face
   * tokenizer.json (SentencePiece Unigram of the XLM-RoBERTa-based models; tokenizer_config.json read beside it).
   */
  SEARCH_RERANKER_VOCAB: z.string().optional(),
  /** Text the model expects before a question / a procedure name (e5 models: "query: " / "passage: "). */
  SEARCH_RERANKER_QUERY_PREFIX: z.string().optional(),
  SEARCH_RERANKER_PASSAGE_PREFIX: z.string().optional(),
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
  /** How long a request waits for a free database connection before failing (PostgreSQL; never forever). */
  DB_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Server-side limit of one statement of the API and the dispatcher (PostgreSQL). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** A session idle inside an open transaction this long is ended by the server, its locks released. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Statement limit of maintenance commands (`npm run aggregates:recount`): bounds one batch, not the run. */
  DB_MAINTENANCE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(15 * 60_000),
  /**
   * PostgreSQL's JIT for the API's and the dispatcher's sessions (`-c jit=` at connection). Off: none of the
   * dashboards' reads costs enough to be compiled on the national preset, and a plan estimated high spent 2–3.5 s
   * compiling (issue 15, sessions 8–9).
   */
  DB_JIT: z.enum(['on', 'off']).default('off'),
  /**
   * `max_parallel_workers_per_gather` of the API's and the dispatcher's sessions. 0: the aggregates' reads are small
   * and the workers' start-up was most of their time on a busy machine (issue 15). Maintenance keeps the server's.
   */
  DB_MAX_PARALLEL_WORKERS_PER_GATHER: z.coerce.number().int().min(0).max(64).default(0),
});

export type Env = z.infer<typeof EnvSchema>;
