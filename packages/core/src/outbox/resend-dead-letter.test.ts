import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import {
  type DeadLetterAdminPorts,
  discardDeadLetter,
  type OutboxMessageForAdmin,
  resendDeadLetter,
} from './resend-dead-letter.js';

const admin = { userId: 'admin', grants: [{ role: 'system_admin' as const, unitCode: 'VN' }] };
const director = { userId: 'u2', grants: [{ role: 'center_director' as const, unitCode: '26743' }] };
const now = new Date('2026-03-02T02:00:00Z');

/** One outbox row in memory, what the use case wrote to it and its audit rows, in order. */
function memoryPorts(row: Partial<OutboxMessageForAdmin> = {}) {
  const message: OutboxMessageForAdmin = {
    id: 7,
    provinceCode: '79',
    idempotencyKey: 'k-7',
    payload: { MaHoSo: 'A' },
    deadAt: new Date('2026-03-01T00:00:00Z'),
    deliveredAt: null,
    discardedAt: null,
    ...row,
  };
  const writes: string[] = [];
  const audit: AuditRecord[] = [];
  const ports: DeadLetterAdminPorts = {
    outbox: {
      lockMessage: async (id) => (id === message.id ? message : undefined),
      replacePayload: async (id, payload) => void writes.push(`payload ${id} ${JSON.stringify(payload)}`),
      requeue: async (id) => void writes.push(`requeue ${id}`),
      discard: async (id) => void writes.push(`discard ${id}`),
    },
    audit: { record: async (e) => void audit.push(e) },
  };
  return { ports, writes, audit };
}

describe('dead letters, by an administrator', () => {
  it('re-sends a corrected dead letter and audits the payload it replaced', async () => {
    const m = memoryPorts();
    const r = await resendDeadLetter(admin, { id: 7, payload: { MaHoSo: 'B' }, note: 'sửa mã', now }, m.ports);
    expect(r).toEqual({ id: 7, idempotencyKey: 'k-7', corrected: true });
    expect(m.writes).toEqual(['payload 7 {"MaHoSo":"B"}', 'requeue 7']);
    expect(m.audit).toEqual([
      {
        actorUserId: 'admin',
        action: 'outbox.dead_letter_corrected_and_resent',
        entityType: 'outbox_message',
        entityId: '7',
        provinceCode: '79',
        data: { idempotencyKey: 'k-7', previousPayload: { MaHoSo: 'A' }, payload: { MaHoSo: 'B' }, note: 'sửa mã' },
      },
    ]);
  });

  it('re-sends as it was when no payload is given', async () => {
    const m = memoryPorts();
    expect((await resendDeadLetter(admin, { id: 7, now }, m.ports)).corrected).toBe(false);
    expect(m.writes).toEqual(['requeue 7']);
    expect(m.audit.map((a) => [a.action, a.data])).toEqual([['outbox.dead_letter_resent', { idempotencyKey: 'k-7' }]]);
  });

  it('discards with the reason and the payload in the audit row', async () => {
    const m = memoryPorts();
    expect(await discardDeadLetter(admin, { id: 7, note: 'địa chỉ không tồn tại', now }, m.ports)).toEqual({
      id: 7,
      idempotencyKey: 'k-7',
    });
    expect(m.writes).toEqual(['discard 7']);
    expect(m.audit[0]).toMatchObject({
      action: 'outbox.dead_letter_discarded',
      data: { idempotencyKey: 'k-7', note: 'địa chỉ không tồn tại', payload: { MaHoSo: 'A' } },
    });
  });

  it('refuses anyone but a system administrator before touching the row', async () => {
    const m = memoryPorts();
    await expect(resendDeadLetter(director, { id: 7, now }, m.ports)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(discardDeadLetter(director, { id: 7, note: 'x x x', now }, m.ports)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect([m.writes, m.audit]).toEqual([[], []]);
  });

  it('refuses a row that is not dead (still queued, delivered or discarded) or does not exist, writing nothing', async () => {
    for (const row of [{ deadAt: null }, { deliveredAt: now }, { discardedAt: now }]) {
      const m = memoryPorts(row);
      await expect(resendDeadLetter(admin, { id: 7, now }, m.ports)).rejects.toMatchObject({
        code: 'OUTBOX_MESSAGE_NOT_DEAD',
      });
      expect([m.writes, m.audit]).toEqual([[], []]);
    }
    const m = memoryPorts();
    await expect(discardDeadLetter(admin, { id: 8, note: 'x x x', now }, m.ports)).rejects.toMatchObject({
      code: 'OUTBOX_MESSAGE_NOT_FOUND',
    });
  });
});
