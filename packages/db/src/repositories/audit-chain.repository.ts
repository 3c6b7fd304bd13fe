import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export type AuditChainBreak = {
  chainSeq: number;
  id: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch';
};
export type AuditChainReport = {
  rows: number;
  firstBroken: AuditChainBreak | null;
  elapsedMs: number;
  /** Rows committed but not linked into the chain yet (the sealer links them within seconds), and the oldest one's time. */
  unsealed: number;
  oldestUnsealedAt: Date | null;
};

/**
 * Link the committed rows not yet in the chain, in id order, in transactions of at most `batch` rows each (the
 * database's `audit_seal`, which holds the chain head's lock for its own short transaction only). Returns how many.
 */
export async function sealAuditTrail(db: Kysely<DB>, opts: { batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 5_000;
  let total = 0;
  for (;;) {
    const r = await sql<{ n: number }>`SELECT audit_seal(${batch}::int) AS n`.execute(db);
    const n = Number(r.rows[0]?.n ?? 0);
    total += n;
    if (n < batch) return total;
  }
}

type ChainRow = { id: string; chainSeq: string; prevHash: Uint8Array; rowHash: Uint8Array; computed: Uint8Array };

const hex = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('hex') : '');

/**
 * Walk the audit chain in order, in batches: every row's hash recomputed by the database from its columns and the
 * previous row's hash, positions without gaps, and the head equal to the last row. Stops at the first broken link.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  opts: { batchSize?: number; now?: () => number; onProgress?: (rows: number) => void } = {},
): Promise<AuditChainReport> {
  // One snapshot: rows and head agree even while the product keeps writing.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => walkChain(trx, opts));
}

async function walkChain(
  db: Kysely<DB>,
  opts: { batchSize?: number; now?: () => number; onProgress?: (rows: number) => void },
): Promise<AuditChainReport> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const batch = opts.batchSize ?? 10_000;
  let expectedPrev = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  const pending = await sql<{ n: string; oldest: Date | null }>`
    SELECT count(*) AS n, min(occurred_at) AS oldest FROM audit_events WHERE chain_seq IS NULL`.execute(db);
  const unsealed = Number(pending.rows[0]?.n ?? 0);
  const oldestUnsealedAt = pending.rows[0]?.oldest ? new Date(pending.rows[0].oldest) : null;
  const done = (firstBroken: AuditChainBreak | null): AuditChainReport => ({
    rows,
    firstBroken,
    elapsedMs: now() - started,
    unsealed,
    oldestUnsealedAt,
  });
  for (;;) {
    const r = await sql<ChainRow>`
      SELECT id, chain_seq, prev_hash, row_hash,
             audit_event_hash(prev_hash, audit_event_canonical(chain_seq, occurred_at, actor_user_id, action,
               entity_type, entity_id, province_code, unit_code, request_id, data)) AS computed
      FROM audit_events WHERE chain_seq >= ${expectedSeq} ORDER BY chain_seq LIMIT ${batch}`.execute(db);
    for (const row of r.rows) {
      const seq = Number(row.chainSeq);
      const at = { chainSeq: seq, id: Number(row.id) };
      if (seq !== expectedSeq) return done({ chainSeq: expectedSeq, id: at.id, reason: 'gap' });
      if (hex(row.prevHash) !== expectedPrev) return done({ ...at, reason: 'prev_hash_mismatch' });
      if (hex(row.computed) !== hex(row.rowHash)) return done({ ...at, reason: 'hash_mismatch' });
      expectedPrev = hex(row.rowHash);
      expectedSeq++;
      rows++;
    }
    opts.onProgress?.(rows);
    if (r.rows.length < batch) break;
  }
  const head = await sql<{ seq: string; hash: Uint8Array }>`SELECT seq, hash FROM audit_chain_head`.execute(db);
  const h = head.rows[0];
  if (!h || Number(h.seq) !== rows || hex(h.hash) !== expectedPrev) {
    return done({ chainSeq: rows + 1, id: 0, reason: 'head_mismatch' });
  }
  return done(null);
}
