import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import { logout, recordLoginRefusal } from './login.js';
import { revokeAllOwnSessions, revokeOwnSession } from './own-sessions.js';

const official = { userId: 'u1', grants: [{ role: 'reception' as const, unitCode: '26743' }] };

/** Sessions in memory (public id → owner), and the audit rows written. */
function memoryPorts(sessions: Record<string, string>) {
  const audit: AuditRecord[] = [];
  const store = new Map(Object.entries(sessions));
  const ports = {
    sessions: {
      deleteSessionOfUser: async (userId: string, publicId: string) =>
        store.get(publicId) === userId && store.delete(publicId),
      deleteSessionsOfUser: async (userId: string) => {
        const mine = [...store].filter(([, owner]) => owner === userId);
        for (const [id] of mine) store.delete(id);
        return mine.length;
      },
      deleteSession: async (idHash: string) => void store.delete(idHash),
    },
    audit: { record: async (e: AuditRecord) => void audit.push(e) },
  };
  return { ports, store, audit };
}

describe("an official's own sessions", () => {
  it('revoke-all ends every session of theirs, no one else’s, and audits how many', async () => {
    const m = memoryPorts({ a: 'u1', b: 'u1', c: 'u2' });
    expect(await revokeAllOwnSessions(official, m.ports)).toEqual({ revoked: 2 });
    expect([...m.store.keys()]).toEqual(['c']);
    expect(m.audit).toEqual([
      { actorUserId: 'u1', action: 'auth.revoke_all', entityType: 'user', entityId: 'u1', data: { revoked: 2 } },
    ]);
  });

  it('ending one session of someone else is not found, and writes no audit row', async () => {
    const m = memoryPorts({ c: 'u2' });
    await expect(revokeOwnSession(official, { sessionId: 'c', current: false }, m.ports)).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    expect([[...m.store.keys()], m.audit]).toEqual([['c'], []]);
  });

  it('logout ends this session and audits the address', async () => {
    const m = memoryPorts({ h1: 'u1', h2: 'u1' });
    await logout({ idHash: 'h1', userId: 'u1' }, { ip: '198.51.100.7' }, m.ports);
    expect([...m.store.keys()]).toEqual(['h2']);
    expect(m.audit.map((a) => [a.action, a.actorUserId, a.data])).toEqual([
      ['auth.logout', 'u1', { ip: '198.51.100.7' }],
    ]);
  });
});

describe('a refused sign-in', () => {
  it('leaves a login_failed row, and a lockout row when this refusal locks the username', async () => {
    const audit: AuditRecord[] = [];
    const port = { record: async (e: AuditRecord) => void audit.push(e) };
    await recordLoginRefusal(port, {
      username: 'lan',
      ip: '203.0.113.1',
      reason: 'INVALID_CREDENTIALS',
      lockout: null,
    });
    await recordLoginRefusal(port, {
      username: 'lan',
      ip: '203.0.113.2',
      reason: 'INVALID_CREDENTIALS',
      lockout: { failures: 5, minutes: 15 },
    });
    expect(audit.map((a) => [a.action, a.entityType, a.entityId, a.actorUserId, a.data])).toEqual([
      ['auth.login_failed', 'username', 'lan', null, { ip: '203.0.113.1', reason: 'INVALID_CREDENTIALS' }],
      ['auth.login_failed', 'username', 'lan', null, { ip: '203.0.113.2', reason: 'INVALID_CREDENTIALS' }],
      ['auth.lockout', 'username', 'lan', null, { ip: '203.0.113.2', failures: 5, minutes: 15 }],
    ]);
  });
});
