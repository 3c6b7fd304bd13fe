/**
 * Production-mode configuration for benchmarks: production refuses to start without its outside services, and a
 * bench delivers nothing to them (no dispatcher runs), so each points at a closed port (discard, 9).
 */
import { type Config, loadConfig } from '@mot-cua/config';

export function benchConfig(extra: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'production',
    PORTAL_URL: 'http://127.0.0.1:9',
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMS_GATEWAY_URL: 'http://127.0.0.1:9',
    OIDC_ISSUER: 'http://127.0.0.1:9',
    PAYMENT_GATEWAY_URL: 'http://127.0.0.1:9',
    PAYMENT_SECRET: 'bench-secret-not-used-0123456789',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  });
}
