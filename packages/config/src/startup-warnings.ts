import type { Config } from './config-shape.js';

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
