import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { ActiveSession, SessionsRepository } from './ports.js';
import { resolveSession, SESSION_TOUCH_INTERVAL_MS } from './resolve-session.js';

// Identity once per request (issue 9): one read gives the session, its user, the grants in force today and the
// master-data version; the sliding expiry is written back at most once per SESSION_TOUCH_INTERVAL_MS.

const TTL = 8 * 3_600_000;
const T0 = new Date('2026-03-02T02:00:00Z');

function fixture(expiresAt: Date, isActive = true) {
  const calls: string[] = [];
  const found: ActiveSession = {
    session: { idHash: 'h:tok', userId: 'u1', csrfToken: 'csrf', expiresAt },
    user: {
      id: 'u1',
      username: 'lan',
      fullName: 'Trần Thị Lan',
      isActive,
      mustChangePassword: false,
      secondFactor: false,
    },
    grants: [{ role: 'reception', unitCode: '26743' }],
    masterDataVersion: 42,
  };
  const sessions = {
    async findActiveSession(idHash: string, onDate: string) {
      calls.push(`find ${idHash} ${onDate}`);
      return idHash === found.session.idHash ? found : undefined;
    },
    async touchSession(_idHash: string, _at: Date, next: Date) {
      calls.push(`touch ${next.toISOString()}`);
      found.session.expiresAt = next;
    },
    async deleteSession(idHash: string) {
      calls.push(`delete ${idHash}`);
    },
  } as Partial<SessionsRepository> as SessionsRepository;
  let now = T0;
  const deps = {
    sessions,
    secrets: { randomToken: () => 'r', sha256: (v: string) => `h:${v}` },
    clock: { now: () => now },
    sessionTtlMs: TTL,
  };
  return { calls, deps, at: (d: Date) => (now = d) };
}

describe('resolveSession', () => {
  it('one read per request; the expiry is written back at most once a minute', async () => {
    const f = fixture(new Date(T0.getTime() + TTL));
    const first = await resolveSession('tok', f.deps);
    // Same minute: the read only (the Vietnam date of 09:00 on 2 March), no write.
    expect(f.calls).toEqual(['find h:tok 2026-03-02']);
    expect(first).toMatchObject({
      actor: { userId: 'u1', grants: [{ role: 'reception', unitCode: '26743' }] },
      csrfToken: 'csrf',
      masterDataVersion: 42,
    });
    f.at(new Date(T0.getTime() + SESSION_TOUCH_INTERVAL_MS - 1));
    await resolveSession('tok', f.deps);
    expect(f.calls.filter((c) => c.startsWith('touch'))).toEqual([]);
    // A minute later the sliding expiry moves, once.
    const later = new Date(T0.getTime() + SESSION_TOUCH_INTERVAL_MS);
    f.at(later);
    const touched = await resolveSession('tok', f.deps);
    expect(touched.expiresAt).toEqual(new Date(later.getTime() + TTL));
    expect(f.calls.slice(-2)).toEqual(['find h:tok 2026-03-02', `touch ${touched.expiresAt.toISOString()}`]);
    await resolveSession('tok', f.deps);
    expect(f.calls.filter((c) => c.startsWith('touch'))).toHaveLength(1);
    expect(f.calls.filter((c) => c.startsWith('find'))).toHaveLength(4);
  });

  it('an unknown, expired or deactivated session is refused (the last two deleted)', async () => {
    const f = fixture(new Date(T0.getTime() + TTL));
    await expect(resolveSession('other', f.deps)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const expired = fixture(T0);
    const e = await resolveSession('tok', expired.deps).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(expired.calls).toContain('delete h:tok');
    const inactive = fixture(new Date(T0.getTime() + TTL), false);
    await expect(resolveSession('tok', inactive.deps)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(inactive.calls).toContain('delete h:tok');
  });
});
