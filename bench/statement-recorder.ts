import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Statements sent while `recorder.on` is set: count and time per statement text (pg.Client.query shim). */
export const statements = new Map<string, { n: number; ms: number }>();
export const recorder = { on: false };

/** Wrap a driver's `query` to record what it sends while `recorder.on` is set (pg.Client, and PGlite). */
function recordQueries(proto: { query: (...a: unknown[]) => unknown }) {
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    const t = performance.now();
    const r = query.apply(this, args);
    if (recorder.on && r instanceof Promise) {
      r.then(
        () => {
          const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 90);
          const s = statements.get(key) ?? { n: 0, ms: 0 };
          s.n++;
          s.ms += performance.now() - t;
          statements.set(key, s);
        },
        () => {},
      );
    }
    return r;
  };
}

/** Record what pg.Client and PGlite send (installed once, before any client is made). */
export function recordStatements() {
  recordQueries(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown });
  recordQueries(PGlite.prototype as unknown as { query: (...a: unknown[]) => unknown });
}
