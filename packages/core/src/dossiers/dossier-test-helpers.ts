import type { ActionPayload, DossierAction, DossierStep } from './dossier-actions.js';

/** Test builder: a log from payloads, one hour apart from a fixed start, with sequential seq numbers. */
export const T0 = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
export const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

export const steps: DossierStep[] = [
  { order: 1, name: 'Tiếp nhận', role: 'reception', duration: { value: 0.5, unit: 'working_days' } },
  { order: 2, name: 'Thẩm định', role: 'specialist', duration: { value: 1.5, unit: 'working_days' } },
  { order: 3, name: 'Phê duyệt', role: 'leader', duration: { value: 0.5, unit: 'working_days' } },
  { order: 4, name: 'Trả kết quả', role: 'reception', duration: { value: 0.5, unit: 'working_days' } },
];

export function log(
  ...payloads: Array<ActionPayload & { at?: Date; actorId?: string; actorName?: string; note?: string }>
): DossierAction[] {
  return payloads.map((p, i) => ({
    actorId: 'u-reception',
    actorName: 'Trần Thị Lan',
    actorRole: 'reception',
    unitCode: '26743',
    ...p,
    seq: i + 1,
    at: p.at ?? hours(i),
  })) as DossierAction[];
}

export const received = (extra: Partial<Extract<ActionPayload, { type: 'received' }>> = {}): ActionPayload => ({
  type: 'received',
  channel: 'in_person',
  clockStartsAt: T0,
  dueAt: hours(72),
  steps,
  stepDueAt: hours(4),
  ...extra,
});
