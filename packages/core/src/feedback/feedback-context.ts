import { vnDate } from '@mot-cua/contracts';
import type { Actor, Resource } from '../authorization/index.js';
import type { FeedbackPorts } from './feedback-ports.js';

/** What every feedback use case shares: who acts and when, the matter as an authorization resource, its calendar. */

export type FeedbackContext = Readonly<{ actor: Actor | undefined; now: Date }>;

export const feedbackResource = (f: { unitCode: string; provinceCode: string }): Resource => ({
  kind: 'unit',
  unitCode: f.unitCode,
  provinceCode: f.provinceCode,
});

const yearOf = (d: Date) => Number(vnDate(d).slice(0, 4));

export async function calendarFor(
  ports: FeedbackPorts,
  unit: { unitCode: string; provinceCode: string },
  from: Date,
  to: Date,
) {
  return ports.calendarOf(unit, yearOf(from), yearOf(to) + 1);
}
