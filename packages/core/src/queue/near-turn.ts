import type { PriorityRule } from '@mot-cua/contracts';
import { notifyApplicant } from '../notifications/notify-applicant.js';
import type { NearTurnCandidate, QueueCenterRecord, QueueContext, QueuePorts } from './queue-ports.js';
import { priorityBoostMinutes } from './queue-rules.js';

const MINUTE = 60_000;

/**
 * The waiting tickets of one group to tell "your turn is near": those with `threshold` people or fewer ahead of them
 * in the order the group is called (effective waiting time with the center's priority boosts, then issue time and
 * number), that left a phone number and were not told yet. Threshold 0: nobody (the center turned it off).
 */
export function nearTurnRecipients(
  waiting: ReadonlyArray<NearTurnCandidate>,
  rules: ReadonlyArray<PriorityRule>,
  threshold: number,
  now: Date,
): Array<{ ticket: NearTurnCandidate; ahead: number }> {
  if (threshold <= 0) return [];
  const effective = (c: NearTurnCandidate) =>
    now.getTime() - c.issuedAt.getTime() + priorityBoostMinutes(c.priorityKind, rules) * MINUTE;
  return [...waiting]
    .sort((a, b) => effective(b) - effective(a) || a.issuedAt.getTime() - b.issuedAt.getTime() || a.number - b.number)
    .map((ticket, ahead) => ({ ticket, ahead }))
    .filter(({ ticket, ahead }) => ahead <= threshold && ticket.phone && !ticket.nearTurnNotifiedAt);
}

/** The SMS (no diacritics, like the other applicant SMS) and e-mail-less message. */
export function nearTurnMessage(number: number, ahead: number, centerName: string, followUrl: string) {
  const text = `Số ${number}: sắp đến lượt của Ông/Bà tại ${centerName} (còn ${ahead} người phía trước). Theo dõi: ${followUrl}`;
  return {
    event: 'queue_near_turn',
    subject: `Sắp đến lượt số ${number}`,
    text,
    sms: `So ${number}: sap den luot cua Ong/Ba (con ${ahead} nguoi phia truoc). Moi Ong/Ba co mat tai khu vuc cho. Theo doi: ${followUrl}`,
  };
}

/**
 * After a call moved a group's queue: queue one SMS per ticket that came near its turn, through issue 12's
 * notifyApplicant (the durable outbox, opt-outs respected, delivered once thanks to the key), in the call's
 * transaction, and mark the ticket so it is told once.
 */
export async function notifyNearTurn(
  ports: QueuePorts,
  ctx: QueueContext,
  center: QueueCenterRecord,
  groupId: string,
): Promise<number> {
  if (center.nearTurnAhead <= 0) return 0;
  const due = nearTurnRecipients(
    await ports.nearTurnCandidates(groupId, ctx.today),
    center.priorityRules,
    center.nearTurnAhead,
    ctx.now,
  );
  for (const { ticket, ahead } of due) {
    await notifyApplicant(ports.notifications, {
      about: { type: 'queue_ticket', id: ticket.id, code: String(ticket.number) },
      provinceCode: center.provinceCode,
      recipient: { email: null, phone: ticket.phone },
      message: nearTurnMessage(ticket.number, ahead, center.name, ports.followUrl(ticket.publicToken)),
      key: `queue_ticket:${ticket.id}:near_turn`,
    });
    await ports.markNearTurnNotified(ticket.id, ctx.now);
  }
  return due.length;
}
