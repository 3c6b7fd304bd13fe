import type { z } from 'zod';

/**
 * What a simulator started alone (`npm run portal-sim`, `npm run notify-sim`) does around its own start: read its
 * settings once from the environment (empty variables count as unset; an invalid one prints every issue and exits
 * with 1), and close on SIGINT or SIGTERM.
 */
export function readStandaloneEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v)));
  if (!parsed.success) {
    console.error(
      `Invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
    process.exit(1);
  }
  return parsed.data;
}

export function closeOnSignals(sim: { close(): Promise<unknown> }): void {
  for (const s of ['SIGINT', 'SIGTERM'] as const) {
    process.on(s, () => void sim.close().then(() => process.exit(0)));
  }
}
