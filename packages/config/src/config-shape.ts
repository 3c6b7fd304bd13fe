/** The validated configuration every process reads once at start-up (see env-schema.ts). */
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
  /** Model and tokenizer of the optional assistant reranker (both or neither), and the model's text markers. */
  searchReranker:
    | { modelPath: string; vocabPath: string; queryPrefix: string | undefined; passagePrefix: string | undefined }
    | undefined;
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
  /** Purge of citizens' drafts nobody saved for `afterDays` days, every `intervalMs`. */
  draftPurge: Readonly<{ afterDays: number; intervalMs: number }>;
  /** Online payment gateway: url unset means the simulator. */
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
  /** Database time-outs (DB_*_TIMEOUT_MS), passed to openDatabase by the processes; PostgreSQL only. */
  database: Readonly<{
    connectionTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    maintenanceStatementTimeoutMs: number;
    /** Session settings of the service's PostgreSQL connections (DB_JIT, DB_MAX_PARALLEL_WORKERS_PER_GATHER). */
    jit: 'on' | 'off';
    maxParallelWorkersPerGather: number;
  }>;
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
