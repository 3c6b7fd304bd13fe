import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export type AuditChainBreak = {
  chainSeq: number;
  id: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch';
};
export type AuditChainReport = { rows: number; firstBroken: AuditChainBreak | null; elapsedMs: number };

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
  const done = (firstBroken: AuditChainBreak | null) => ({ rows, firstBroken, elapsedMs: now() - started });
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
