import { createHash, randomBytes } from 'node:crypto';
import type { Open311Key } from '@mot-cua/contracts';
import type { Open311KeyPorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';

/** The digest stored for an Open311 key (and compared with the key a client sends). */
export const open311KeyDigest = (key: string) => createHash('sha256').update(key).digest('hex');

const toKey = (r: {
  id: string;
  name: string;
  keyPrefix: string | null;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
}): Open311Key => ({
  id: r.id,
  name: r.name,
  prefix: r.keyPrefix,
  createdAt: new Date(r.createdAt).toISOString(),
  createdBy: r.createdBy,
  revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
});

const columns = ['id', 'name', 'keyPrefix', 'createdAt', 'createdBy', 'revokedAt'] as const;

/** SQL of the Open311 API keys (digests only). */
export function createOpen311KeysRepository(db: Kysely<DB>) {
  return {
    async list(): Promise<Open311Key[]> {
      const rows = await db.selectFrom('open311ApiKeys').select(columns).orderBy('createdAt', 'desc').execute();
      return rows.map(toKey);
    },
    async findKey(id: string): Promise<Open311Key | undefined> {
      const r = await db.selectFrom('open311ApiKeys').select(columns).where('id', '=', id).executeTakeFirst();
      return r ? toKey(r) : undefined;
    },
    async insertKey(k: { digest: string; prefix: string; name: string; createdBy: string }) {
      const r = await db
        .insertInto('open311ApiKeys')
        .values({ keyHash: k.digest, keyPrefix: k.prefix, name: k.name, createdBy: k.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async revokeKey(id: string, at: Date) {
      await db.updateTable('open311ApiKeys').set({ revokedAt: at }).where('id', '=', id).execute();
    },
  };
}

/** Ports of the key use cases over one transaction. */
export function createOpen311KeyPorts(trx: Kysely<DB>, requestId: string | null = null): Open311KeyPorts {
  const repo = createOpen311KeysRepository(trx);
  return {
    newKey: () => {
      const key = `mc311_${randomBytes(24).toString('base64url')}`;
      return { key, digest: open311KeyDigest(key) };
    },
    insertKey: repo.insertKey,
    findKey: repo.findKey,
    revokeKey: repo.revokeKey,
    audit: createAuditPort(trx, requestId),
  };
}
