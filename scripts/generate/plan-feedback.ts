import { vnInstant } from '@mot-cua/core';
import type { GeneratedFeedback } from '@mot-cua/db';
import { addWorkingDays, DAY, HOUR, type PlanCommune } from './plan.js';

/** What one generated feedback (PAKN) item looks like (pure, seeded), beside plan.ts's dossiers. */

const FEEDBACK_KINDS: Array<[GeneratedFeedback['kind'], number, string]> = [
  ['question', 0.5, 'Hỏi về thủ tục'],
  ['complaint', 0.2, 'Phản ánh về thời gian giải quyết hồ sơ'],
  ['suggestion', 0.2, 'Kiến nghị cải tiến quy trình tiếp nhận'],
  ['report', 0.1, 'Phản ánh tình trạng tại trung tâm phục vụ'],
];
const FEEDBACK_CHANNELS: Array<[GeneratedFeedback['channel'], number]> = [
  ['web', 0.55],
  ['hotline', 0.25],
  ['counter', 0.15],
  ['api', 0.05],
];

function pickWeighted<T>(
  items: ReadonlyArray<readonly [T, number, ...unknown[]]>,
  x: number,
): readonly [T, number, ...unknown[]] {
  let acc = 0;
  for (const it of items) {
    acc += it[1];
    if (x < acc) return it;
  }
  return items[items.length - 1]!;
}

/**
 * One feedback (PAKN) item of a commune: kind and channel mix, answered within the 10 working days of Decision 766
 * mostly (≈ 8 % late), a third rated; items received near the end of the period are still open with their deadline.
 */
export function planFeedback(p: {
  id: string;
  code: string;
  token: string;
  commune: PlanCommune;
  field: string;
  fromDay: string;
  days: number;
  now: Date;
  random: () => number;
}): GeneratedFeedback {
  const r = p.random;
  const day = Math.floor(r() * p.days);
  const receivedAt = new Date(vnInstant(p.fromDay).getTime() + day * DAY + (7.5 + r() * 10) * HOUR);
  const [kind, , title] = pickWeighted(FEEDBACK_KINDS, r()) as [GeneratedFeedback['kind'], number, string];
  const [channel] = pickWeighted(FEEDBACK_CHANNELS, r()) as [GeneratedFeedback['channel'], number];
  const due = addWorkingDays(receivedAt, 10);
  const late = r() < 0.08;
  const answeredAt = new Date(
    late
      ? due.getTime() + (4 + r() * 96) * HOUR
      : receivedAt.getTime() + r() * Math.max(due.getTime() - receivedAt.getTime() - HOUR, HOUR),
  );
  const handler = p.commune.officials?.get('specialist')?.[0] ?? null;
  const answered = answeredAt.getTime() <= p.now.getTime();
  const rated = answered && r() < 0.35;
  const x = r();
  return {
    id: p.id,
    code: p.code,
    token: p.token,
    kind,
    channel,
    title: `${title} (${p.field})`,
    content: `${title} thuộc lĩnh vực ${p.field}.`,
    field: p.field,
    communeCode: p.commune.code,
    provinceCode: p.commune.provinceCode,
    unitCode: p.commune.code,
    officialUserId: handler?.id ?? null,
    routedBy: 'default',
    status: !answered ? (r() < 0.5 ? 'received' : 'in_progress') : 'answered',
    receivedAt,
    dueAt: answered ? null : due,
    stepsOnTime: !(answered && late) && (answered || due.getTime() >= p.now.getTime()),
    answer: answered ? 'Đơn vị đã tiếp nhận, xem xét và trả lời theo quy định.' : null,
    answeredAt: answered ? answeredAt : null,
    rating: rated ? (x < 0.75 ? 'satisfied' : x < 0.93 ? 'neutral' : 'dissatisfied') : null,
    ratedAt: rated ? new Date(Math.min(answeredAt.getTime() + 24 * HOUR, p.now.getTime())) : null,
  };
}
