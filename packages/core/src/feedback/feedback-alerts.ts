import { vnDate } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { actionRoles } from '../authorization/actions.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { notifyApplicant } from '../notifications/notify-applicant.js';
import { formatVnDateTime } from '../notifications/templates.js';
import type { FeedbackNotificationPort } from './feedback-notifications.js';
import type { FeedbackEventRow } from './feedback-ports.js';
import { deadlineMark, escalationLevel } from './feedback-rules.js';

/** Reminder before the deadline (the handlers), escalation once overdue (the director, then the province). */
export type FeedbackAlertKind = 'due_soon' | 'overdue' | 'escalated_province';

/** The alerts a feedback calls for now, by the mark and escalation level of its current deadline. */
export function alertsFor(now: Date, due: Date | null, calendar: WorkingCalendar): FeedbackAlertKind[] {
  const out: FeedbackAlertKind[] = [];
  if (deadlineMark(now, due, calendar) === 'due_soon') out.push('due_soon');
  const level = escalationLevel(now, due, calendar);
  if (level >= 1) out.push('overdue');
  if (level === 2) out.push('escalated_province');
  return out;
}

/** Who is told: the unit's handlers, the unit's center director, or the province's director and supervisors. */
export function alertAudience(kind: FeedbackAlertKind, f: { unitCode: string; provinceCode: string }) {
  switch (kind) {
    case 'due_soon':
      return { unitCode: f.unitCode, roles: [...actionRoles['feedback.handle']] };
    case 'overdue':
      return { unitCode: f.unitCode, roles: ['center_director'] };
    case 'escalated_province':
      return { unitCode: f.provinceCode, roles: ['center_director', 'supervisor'] };
  }
}

export type OpenFeedbackDeadline = Readonly<{
  id: string;
  code: string;
  title: string;
  unitCode: string;
  provinceCode: string;
  dueAt: Date;
}>;

export interface FeedbackAlertPorts {
  /** Feedback whose current deadline is before `before` (open matters, and answers awaiting publication). */
  openDueBefore(before: Date): Promise<OpenFeedbackDeadline[]>;
  calendarOf(
    unit: { unitCode: string; provinceCode: string },
    fromYear: number,
    toYear: number,
  ): Promise<WorkingCalendar>;
  /** Records the alert; false when it was recorded already (then nobody is told again). */
  recordAlert(a: { feedbackId: string; kind: FeedbackAlertKind; dueAt: Date; at: Date }): Promise<boolean>;
  setAlertRecipients(a: { feedbackId: string; kind: FeedbackAlertKind; dueAt: Date }, n: number): Promise<void>;
  /** Officials holding one of the roles at the unit today, with their e-mail. */
  officialsOf(
    unitCode: string,
    roles: ReadonlyArray<string>,
    onDate: string,
  ): Promise<Array<{ userId: string; email: string | null }>>;
  appendEvent(e: FeedbackEventRow): Promise<string>;
  notifications: FeedbackNotificationPort & { workspaceUrl(id: string): string };
  audit: AuditPort;
}

function alertText(kind: FeedbackAlertKind, f: OpenFeedbackDeadline, url: string) {
  const due = formatVnDateTime(f.dueAt);
  const what = `Phản ánh, kiến nghị ${f.code} ("${f.title}")`;
  const footer = `\n\nXem và xử lý: ${url}\n\nĐây là thư tự động của hệ thống Một Cửa.`;
  switch (kind) {
    case 'due_soon':
      return {
        subject: `Sắp đến hạn: phản ánh ${f.code}`,
        text: `${what} sắp đến hạn xử lý: ${due}.${footer}`,
        sms: `Phan anh ${f.code} sap den han: ${due}. ${url}`,
      };
    case 'overdue':
      return {
        subject: `Quá hạn: phản ánh ${f.code}`,
        text: `${what} đã quá hạn xử lý (hạn ${due}). Báo Giám đốc trung tâm để đôn đốc.${footer}`,
        sms: `Phan anh ${f.code} qua han (${due}). ${url}`,
      };
    case 'escalated_province':
      return {
        subject: `Quá hạn trên 2 ngày làm việc: phản ánh ${f.code}`,
        text: `${what} đã quá hạn xử lý hơn 2 ngày làm việc (hạn ${due}). Báo cấp tỉnh.${footer}`,
        sms: `Phan anh ${f.code} qua han hon 2 ngay lam viec (${due}). ${url}`,
      };
  }
}

/**
 * The sweep of reminders and escalations: for each feedback whose deadline is near or past, each alert it calls
 * for is recorded once (per deadline) and sent by e-mail through the outbox to its audience, with a history
 * event and an audit row, all in the caller's transaction.
 */
export async function sendFeedbackAlerts(now: Date, ports: FeedbackAlertPorts) {
  const sent: Array<{ feedbackId: string; kind: FeedbackAlertKind; recipients: number }> = [];
  // Due soon is at most one working day left: never more than 4 calendar days (a long weekend) ahead.
  const candidates = await ports.openDueBefore(new Date(now.getTime() + 4 * 86_400_000));
  const year = Number(vnDate(now).slice(0, 4));
  for (const f of candidates) {
    const calendar = await ports.calendarOf(f, Number(vnDate(f.dueAt).slice(0, 4)), year + 1);
    for (const kind of alertsFor(now, f.dueAt, calendar)) {
      const key = { feedbackId: f.id, kind, dueAt: f.dueAt };
      if (!(await ports.recordAlert({ ...key, at: now }))) continue;
      const audience = alertAudience(kind, f);
      const officials = await ports.officialsOf(audience.unitCode, audience.roles, vnDate(now));
      const message = {
        event: `feedback.alert.${kind}`,
        ...alertText(kind, f, ports.notifications.workspaceUrl(f.id)),
      };
      let told = 0;
      for (const o of officials) {
        const r = await notifyApplicant(ports.notifications, {
          about: { type: 'feedback', id: f.id, code: f.code },
          provinceCode: f.provinceCode,
          recipient: { email: o.email, phone: null },
          message,
          key: `feedback-alert:${f.id}:${kind}:${f.dueAt.toISOString()}:${o.userId}`,
        });
        told += r.queued.length;
      }
      await ports.setAlertRecipients(key, told);
      await ports.appendEvent({
        feedbackId: f.id,
        action: kind === 'due_soon' ? 'reminded' : 'escalated',
        fromStatus: null,
        toStatus: null,
        note: kind === 'due_soon' ? null : kind === 'overdue' ? 'center_director' : 'province',
        actorUserId: null,
        at: now,
        onTime: null,
      });
      await ports.audit.record({
        actorUserId: null,
        action: `feedback.${kind === 'due_soon' ? 'reminded' : kind === 'overdue' ? 'escalated_director' : 'escalated_province'}`,
        entityType: 'feedback',
        entityId: f.id,
        unitCode: f.unitCode,
        provinceCode: f.provinceCode,
        data: { code: f.code, dueAt: f.dueAt.toISOString(), recipients: told },
      });
      sent.push({ feedbackId: f.id, kind, recipients: told });
    }
  }
  return sent;
}
