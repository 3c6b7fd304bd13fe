import { describe, expect, it } from 'vitest';
import {
  allowedTicketEvents,
  callAnnouncement,
  callOrder,
  DEFAULT_PRIORITY_RULES,
  expectedWaitMinutes,
  nextTicketStatus,
  type QueueCandidate,
} from './queue-rules.js';

const NOW = new Date('2026-03-02T02:00:00Z'); // 09:00 in Vietnam
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const t = (id: string, groupId: string, waited: number, extra: Partial<QueueCandidate> = {}): QueueCandidate => ({
  id,
  groupId,
  number: Number(id.replace(/\D/g, '')) || 1,
  issuedAt: minutesAgo(waited),
  priorityKind: null,
  preferredCounterId: null,
  ...extra,
});
const counter = {
  id: 'c1',
  groups: [
    { groupId: 'civil', tier: 1 },
    { groupId: 'land', tier: 2 },
  ],
};

describe('callOrder', () => {
  it('calls the longest waiting ticket of the main group first', () => {
    const order = callOrder([t('a1', 'civil', 5), t('a2', 'civil', 20), t('a3', 'civil', 12)], counter, [], NOW);
    expect(order.map((x) => x.id)).toEqual(['a2', 'a3', 'a1']);
  });

  it('serves the helped group only after the main group, and never a group it does not serve', () => {
    const order = callOrder([t('l1', 'land', 60), t('c1', 'civil', 1), t('x1', 'tax', 90)], counter, [], NOW);
    expect(order.map((x) => x.id)).toEqual(['c1', 'l1']);
  });

  it('a priority ticket counts its boost as waiting time (elderly 30 min beats 20 min of plain waiting)', () => {
    const order = callOrder(
      [t('p1', 'civil', 20), t('e1', 'civil', 5, { priorityKind: 'elderly' }), t('p2', 'civil', 40)],
      counter,
      DEFAULT_PRIORITY_RULES,
      NOW,
    );
    expect(order.map((x) => x.id)).toEqual(['p2', 'e1', 'p1']);
  });

  it('a disabled rule gives no boost', () => {
    const rules = DEFAULT_PRIORITY_RULES.map((r) => (r.kind === 'elderly' ? { ...r, enabled: false } : r));
    const order = callOrder(
      [t('p1', 'civil', 20), t('e1', 'civil', 5, { priorityKind: 'elderly' })],
      counter,
      rules,
      NOW,
    );
    expect(order.map((x) => x.id)).toEqual(['p1', 'e1']);
  });

  it('a ticket routed to this counter comes first (even of a group it does not serve); one routed to another counter is not called here', () => {
    const order = callOrder(
      [
        t('a1', 'civil', 50),
        t('r1', 'pickup', 1, { preferredCounterId: 'c1' }),
        t('o1', 'civil', 90, { preferredCounterId: 'c9' }),
      ],
      counter,
      [],
      NOW,
    );
    expect(order.map((x) => x.id)).toEqual(['r1', 'a1']);
  });

  it('equal waiting is broken by issue time then number, so the order is total', () => {
    const same = minutesAgo(10);
    const order = callOrder(
      [t('n3', 'civil', 0, { issuedAt: same, number: 3 }), t('n2', 'civil', 0, { issuedAt: same, number: 2 })],
      counter,
      [],
      NOW,
    );
    expect(order.map((x) => x.number)).toEqual([2, 3]);
  });
});

describe('ticket state machine', () => {
  it('follows waiting → called → serving → done', () => {
    expect(nextTicketStatus('waiting', 'call')).toBe('called');
    expect(nextTicketStatus('called', 'recall')).toBe('called');
    expect(nextTicketStatus('called', 'start')).toBe('serving');
    expect(nextTicketStatus('serving', 'finish')).toBe('done');
  });

  it('a transfer puts the ticket back in the queue; an absent visitor may be requeued', () => {
    expect(nextTicketStatus('serving', 'transfer')).toBe('waiting');
    expect(nextTicketStatus('called', 'no_show')).toBe('no_show');
    expect(nextTicketStatus('no_show', 'requeue')).toBe('waiting');
  });

  it('refuses what the state does not allow with QUEUE_TRANSITION_NOT_ALLOWED', () => {
    expect(() => nextTicketStatus('waiting', 'finish')).toThrowError(
      expect.objectContaining({ code: 'QUEUE_TRANSITION_NOT_ALLOWED' }),
    );
    expect(() => nextTicketStatus('done', 'call')).toThrowError(
      expect.objectContaining({ code: 'QUEUE_TRANSITION_NOT_ALLOWED' }),
    );
    expect(allowedTicketEvents('done')).toEqual([]);
  });
});

describe('expectedWaitMinutes', () => {
  it('shares the people ahead among the open counters at the average service time', () => {
    expect(expectedWaitMinutes({ ahead: 6, openCounters: 3, avgServiceMinutes: 10 })).toBe(20);
    expect(expectedWaitMinutes({ ahead: 5, openCounters: 2, avgServiceMinutes: 7 })).toBe(18);
  });
  it('uses the default service time with no history and one counter with none open', () => {
    expect(expectedWaitMinutes({ ahead: 2, openCounters: 0, avgServiceMinutes: null })).toBe(16);
    expect(expectedWaitMinutes({ ahead: 0, openCounters: 4, avgServiceMinutes: 9 })).toBe(0);
  });
});

it('announces a call in Vietnamese', () => {
  expect(callAnnouncement(1024, 3).vi).toBe('Mời số 1024 đến quầy số 3');
});
