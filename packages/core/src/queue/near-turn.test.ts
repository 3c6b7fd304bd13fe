import { describe, expect, it } from 'vitest';
import { nearTurnMessage, nearTurnRecipients } from './near-turn.js';
import type { NearTurnCandidate } from './queue-ports.js';
import { DEFAULT_PRIORITY_RULES } from './queue-rules.js';

const NOW = new Date('2026-03-02T03:00:00Z');
const t = (number: number, minutesAgo: number, extra: Partial<NearTurnCandidate> = {}): NearTurnCandidate => ({
  id: `t${number}`,
  groupId: 'g',
  number,
  issuedAt: new Date(NOW.getTime() - minutesAgo * 60_000),
  priorityKind: null,
  preferredCounterId: null,
  publicToken: `tok${number}`,
  phone: '0901234567',
  nearTurnNotifiedAt: null,
  ...extra,
});

describe('nearTurnRecipients', () => {
  it('tells the tickets with at most N people ahead, in the order the group is called', () => {
    const waiting = [t(1005, 5), t(1002, 40), t(1004, 10), t(1003, 20), t(1001, 50)];
    const due = nearTurnRecipients(waiting, DEFAULT_PRIORITY_RULES, 2, NOW);
    expect(due.map((d) => [d.ticket.number, d.ahead])).toEqual([
      [1001, 0],
      [1002, 1],
      [1003, 2],
    ]);
  });

  it('counts the priority boost: an elderly visitor issued later is ahead of others', () => {
    const waiting = [t(1001, 30), t(1002, 25), t(1003, 20), t(1004, 1, { priorityKind: 'elderly' })];
    const due = nearTurnRecipients(waiting, DEFAULT_PRIORITY_RULES, 1, NOW);
    expect(due.map((d) => d.ticket.number)).toEqual([1004, 1001]);
  });

  it('skips tickets without a phone or already told, and nobody when the center turned it off', () => {
    const waiting = [t(1001, 30, { phone: null }), t(1002, 20, { nearTurnNotifiedAt: NOW }), t(1003, 10)];
    expect(nearTurnRecipients(waiting, DEFAULT_PRIORITY_RULES, 3, NOW).map((d) => d.ticket.number)).toEqual([1003]);
    expect(nearTurnRecipients(waiting, DEFAULT_PRIORITY_RULES, 0, NOW)).toEqual([]);
  });

  it('the SMS names the number, the people ahead and the link to follow', () => {
    const m = nearTurnMessage(1024, 2, 'Trung tâm Bến Thành', 'https://x/so-thu-tu/abc');
    expect(m.sms).toBe(
      'So 1024: sap den luot cua Ong/Ba (con 2 nguoi phia truoc). Moi Ong/Ba co mat tai khu vuc cho. Theo doi: https://x/so-thu-tu/abc',
    );
  });
});
