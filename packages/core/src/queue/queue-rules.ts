import type { PriorityKind, PriorityRule, TicketStatus } from '@mot-cua/contracts';
import { AppError } from '../errors.js';

/**
 * Pure rules of the front-desk queue: which waiting ticket a counter calls next, what a ticket may do in its state,
 * and how long a newcomer should expect to wait. No I/O: the repository hands the candidates in.
 */

/** The default priority rules of a center (a center may change the boosts or disable a kind). */
export const DEFAULT_PRIORITY_RULES: ReadonlyArray<PriorityRule> = [
  { kind: 'elderly', enabled: true, boostMinutes: 30 },
  { kind: 'disabled', enabled: true, boostMinutes: 30 },
  { kind: 'pregnant', enabled: true, boostMinutes: 30 },
  { kind: 'appointment', enabled: true, boostMinutes: 20 },
];

/** A waiting ticket as call-next sees it. */
export type QueueCandidate = Readonly<{
  id: string;
  groupId: string;
  number: number;
  issuedAt: Date;
  priorityKind: PriorityKind | null;
  /** Set when the ticket was transferred to one counter or is a pickup routed to the counter holding the result. */
  preferredCounterId: string | null;
}>;

/** The groups a counter serves, with its tier for each (1 = main group, served before tier 2, …). */
export type CounterGroups = ReadonlyArray<Readonly<{ groupId: string; tier: number }>>;

const MINUTE = 60_000;

/** Minutes of priority a ticket gets under the center's rules (0 without a kind or with the kind disabled). */
export function priorityBoostMinutes(kind: PriorityKind | null, rules: ReadonlyArray<PriorityRule>): number {
  if (!kind) return 0;
  const rule = rules.find((r) => r.kind === kind);
  return rule?.enabled ? rule.boostMinutes : 0;
}

/**
 * The order in which a counter calls: a ticket routed to this counter first; then by the tier of its group at the
 * counter (main group before the groups it helps with); inside a tier by effective waiting time (waited minutes plus
 * the priority boost), longest first; ties by issue time then number. Tickets of groups the counter does not serve
 * (unless routed to it), and tickets routed to another counter, are not candidates.
 */
export function callOrder(
  candidates: ReadonlyArray<QueueCandidate>,
  counter: { id: string; groups: CounterGroups },
  rules: ReadonlyArray<PriorityRule>,
  now: Date,
): QueueCandidate[] {
  const tierOf = new Map(counter.groups.map((g) => [g.groupId, g.tier]));
  const eligible = candidates.filter(
    (c) => c.preferredCounterId === counter.id || (c.preferredCounterId === null && tierOf.has(c.groupId)),
  );
  const key = (c: QueueCandidate) => ({
    routed: c.preferredCounterId === counter.id ? 0 : 1,
    tier: tierOf.get(c.groupId) ?? 99,
    effective: now.getTime() - c.issuedAt.getTime() + priorityBoostMinutes(c.priorityKind, rules) * MINUTE,
  });
  return eligible
    .map((c) => ({ c, k: key(c) }))
    .sort(
      (a, b) =>
        a.k.routed - b.k.routed ||
        a.k.tier - b.k.tier ||
        b.k.effective - a.k.effective ||
        a.c.issuedAt.getTime() - b.c.issuedAt.getTime() ||
        a.c.number - b.c.number,
    )
    .map((x) => x.c);
}

/** What an official (or the system) may do with a ticket. */
export type TicketEvent = 'call' | 'recall' | 'no_show' | 'start' | 'finish' | 'transfer' | 'cancel' | 'requeue';

/** The ticket's state machine: from each status, the events allowed and where they lead. */
const TRANSITIONS: Readonly<Record<TicketStatus, Partial<Record<TicketEvent, TicketStatus>>>> = {
  waiting: { call: 'called', transfer: 'waiting', cancel: 'cancelled' },
  called: { recall: 'called', start: 'serving', no_show: 'no_show', transfer: 'waiting' },
  serving: { finish: 'done', transfer: 'waiting' },
  // A visitor marked absent who turns up again goes back to the queue with the time they were issued.
  no_show: { requeue: 'waiting' },
  done: {},
  cancelled: {},
};

/** The status a ticket goes to on an event, or QUEUE_TRANSITION_NOT_ALLOWED. */
export function nextTicketStatus(from: TicketStatus, event: TicketEvent): TicketStatus {
  const to = TRANSITIONS[from][event];
  if (!to) throw new AppError('QUEUE_TRANSITION_NOT_ALLOWED', { details: { from, event } });
  return to;
}

export const allowedTicketEvents = (from: TicketStatus): TicketEvent[] =>
  Object.keys(TRANSITIONS[from]) as TicketEvent[];

/** Used when a group has no finished service yet today. */
export const DEFAULT_SERVICE_MINUTES = 8;

/**
 * Expected wait of a newcomer: the people ahead shared among the counters open for the group, each taking the
 * group's average service time (recent average, or the default), rounded up to whole minutes. No open counter:
 * counted as one (someone will open).
 */
export function expectedWaitMinutes(input: {
  ahead: number;
  openCounters: number;
  avgServiceMinutes: number | null;
}): number {
  const per =
    input.avgServiceMinutes && input.avgServiceMinutes > 0 ? input.avgServiceMinutes : DEFAULT_SERVICE_MINUTES;
  const rounds = input.ahead / Math.max(1, input.openCounters);
  return Math.ceil(rounds * per);
}

/** The announcement of a call, as the display speaks it. */
export function callAnnouncement(number: number, counterNumber: number): { vi: string; en: string } {
  return {
    vi: `Mời số ${number} đến quầy số ${counterNumber}`,
    en: `Number ${number}, please come to counter ${counterNumber}`,
  };
}
