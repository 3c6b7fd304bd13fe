import { vnWeekday } from '@mot-cua/contracts';
import {
  type ActionPayload,
  type ActorRole,
  type Channel,
  type DossierAction,
  type DossierStep,
  deriveDossierState,
  nationalStatusCode,
  projectionOf,
  vnInstant,
} from '@mot-cua/core';
import type { GeneratedDossier, GeneratedOfficial } from '@mot-cua/db';

/**
 * What one generated dossier looks like (pure, seeded): its procedure, channel, entry and an action log that obeys
 * the lifecycle (received → claimed → step completed → approved → result issued → returned → rated, with
 * supplement requests, refusals and withdrawals on the way); the stored status is core's fold of that log.
 * Shares from domain.md §0: ≈ 84 % online, ≈ 7 % finished late.
 */

export { seededRandom } from '../seeded-random.js';

/**
 * Dossier ids for a bulk load: version-4 UUIDs whose first byte stays random and whose next 40 bits count up.
 * Fully random keys scatter every batch's inserts over the whole primary key of `dossiers` and `dossier_actions`
 * (one leaf page touched, read back and written out again per dossier once the keys outgrow the cache); with the
 * count, each of the 256 first-byte ranges grows at its right end. The first byte keeps the ids spread over the id
 * space, which the recount splits into 64 ranges; the last 74 bits stay random (no clash across runs).
 */
export function clusteredIds(randomUuid: () => string): () => string {
  let n = 0;
  return () => {
    const u = randomUuid();
    const count = (n++).toString(16).padStart(10, '0');
    // xx|cccccc-cccc-4xxx-yxxx-xxxxxxxxxxxx
    return `${u.slice(0, 2)}${count.slice(0, 6)}-${count.slice(6, 10)}${u.slice(13)}`;
  };
}

export type PlanProcedure = { code: string; name: string; field: string; days: number | null };
export type PlanCommune = {
  code: string;
  provinceCode: string;
  /** The commune's officials by role: actions carry the id and name of one of them (the citizen's, none). */
  officials?: ReadonlyMap<string, readonly GeneratedOfficial[]>;
};

export function personName(r: () => number): string {
  return `${FAMILY[Math.floor(r() * FAMILY.length)]} ${GIVEN[Math.floor(r() * GIVEN.length)]}`;
}

/** Civil status, certification and residence dominate at communes (weights per field). */
const FIELD_WEIGHTS: Record<string, number> = {
  'Hộ tịch': 30,
  'Chứng thực': 25,
  'Đăng ký, quản lý cư trú': 15,
  'Đất đai': 5,
  'Cấp, quản lý căn cước': 4,
};

/** A weighted picker over the commune procedures. */
export function procedurePicker(procedures: readonly PlanProcedure[]): (r: number) => PlanProcedure {
  const weights = procedures.map((p) => {
    const perField = procedures.filter((q) => q.field === p.field).length;
    return (FIELD_WEIGHTS[p.field] ?? 0.5) / perField;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return (r) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return procedures[lo]!;
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Working days added Monday–Friday (the generator ignores holidays; the dossier path uses the calendar). */
export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = Math.max(1, Math.round(days));
  while (left > 0) {
    t += DAY;
    const wd = vnWeekday(new Date(t));
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return new Date(t);
}

const STEPS: DossierStep[] = [
  { order: 1, name: 'Thẩm định hồ sơ', role: 'specialist', duration: { value: 0, unit: 'none' } },
  { order: 2, name: 'Phê duyệt', role: 'leader', duration: { value: 0, unit: 'none' } },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Thị Dung', 'Quốc Huy', 'Thị Lan', 'Văn Nam', 'Thu Hà', 'Đức Long'];

/** An action before its position, actor and unit are set. */
type Draft = ActionPayload & { at: Date; actorRole: ActorRole; actorName?: string | null };

export type PlanInput = {
  id: string;
  code: string;
  commune: PlanCommune;
  procedure: PlanProcedure;
  /** First day of the period (Vietnam) and its length in days; `now` closes the period (later actions are not taken). */
  fromDay: string;
  days: number;
  now: Date;
  random: () => number;
};

/** One dossier with its log and projection. */
export function planDossier(p: PlanInput): GeneratedDossier {
  const r = p.random;
  let entry: Date;
  do {
    const day = Math.floor(r() * p.days);
    entry = new Date(vnInstant(p.fromDay).getTime() + day * DAY + (7.5 + r() * 9) * HOUR);
  } while ([0, 6].includes(vnWeekday(entry)));
  const x = r();
  const channel: Channel = x < 0.84 ? 'online' : x < 0.97 ? 'in_person' : 'postal';
  const limit = p.procedure.days && p.procedure.days > 0 ? p.procedure.days : 3;
  const unit = p.commune.code;
  const actions: DossierAction[] = [];
  let at = entry;
  // The same specialist claims, completes and issues; the commune's leader approves (the lifecycle's rules).
  const byRole = (role: string) => {
    const list = p.commune.officials?.get(role);
    return list?.length ? list[Math.floor(r() * list.length)]! : null;
  };
  const actors = new Map<string, GeneratedOfficial | null>([
    ['reception', byRole('reception')],
    ['specialist', byRole('specialist')],
    ['leader', byRole('leader')],
  ]);
  const push = (a: Draft) => {
    if (at.getTime() > p.now.getTime()) return false;
    const who = actors.get(a.actorRole) ?? null;
    actions.push({
      ...a,
      seq: actions.length + 1,
      actorId: who?.id ?? null,
      ...(who ? { actorName: who.fullName } : {}),
      unitCode: unit,
      at,
    } as DossierAction);
    return true;
  };
  let due = addWorkingDays(entry, limit);
  push({
    type: 'received',
    at,
    actorRole: 'reception',
    actorName: 'Cán bộ tiếp nhận',
    channel,
    clockStartsAt: entry,
    dueAt: due,
    steps: STEPS,
  });
  const fate = r();
  const later = (hours: number) => {
    at = new Date(at.getTime() + hours * HOUR);
  };
  if (fate < 0.015) {
    later(2 + r() * 20);
    push({ type: 'refused', at, actorRole: 'specialist', reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'] });
  } else if (fate < 0.02) {
    later(4 + r() * 30);
    push({ type: 'withdrawn', at, actorRole: 'reception', reason: 'Người nộp xin rút hồ sơ' });
  } else {
    if (r() < 0.08) {
      later(3 + r() * 20);
      const asked = push({
        type: 'supplement_requested',
        at,
        actorRole: 'specialist',
        items: [{ key: 'tp1', name: 'Bản sao giấy tờ tùy thân', state: 'missing', copies: 1 }],
      });
      if (!asked) return finish();
      later(24 + r() * 72);
      due = addWorkingDays(at, limit);
      if (!push({ type: 'supplemented', at, actorRole: 'reception', clockStartsAt: at, dueAt: due })) return finish();
    }
    // ≈ 7 % late: the result after the due date; otherwise early (most) or on the last day.
    const late = r() < 0.07;
    const dueMs = due.getTime() - at.getTime();
    const spend = late
      ? dueMs + (4 + r() * 72) * HOUR
      : r() < 0.8
        ? r() * Math.max(dueMs - DAY, HOUR)
        : dueMs - r() * 20 * HOUR;
    const steps: Array<[number, () => boolean]> = [
      [0.1, () => push({ type: 'claimed', at, actorRole: 'specialist', stepOrder: 1 })],
      [0.5, () => push({ type: 'step_completed', at, actorRole: 'specialist', fromStep: 1, toStep: 2 })],
      [0.3, () => push({ type: 'approved', at, actorRole: 'leader' })],
      [
        0.1,
        () => push({ type: 'result_issued', at, actorRole: 'specialist', documents: [{ name: 'Kết quả giải quyết' }] }),
      ],
    ];
    const start = at.getTime();
    let share = 0;
    for (const [part, step] of steps) {
      share += part;
      at = new Date(start + Math.max(0, spend) * share);
      if (!step()) return finish();
    }
    later(2 + r() * 70);
    if (!push({ type: 'returned', at, actorRole: 'reception', method: channel === 'online' ? 'online' : 'counter' }))
      return finish();
    if (r() < 0.35) {
      later(1 + r() * 48);
      const level = (r() < 0.7 ? 5 : r() < 0.7 ? 4 : 3) as 3 | 4 | 5;
      push({ type: 'rated', at, actorRole: 'citizen', level });
    }
  }
  return finish();

  function finish(): GeneratedDossier {
    const state = deriveDossierState(actions);
    const name = personName(r);
    const projection = projectionOf({ competentUnitCode: unit }, state);
    return {
      dossier: {
        id: p.id,
        code: p.code,
        provinceCode: p.commune.provinceCode,
        receivingUnitCode: unit,
        competentUnitCode: unit,
        procedureVersionId: null,
        procedureCode: p.procedure.code,
        procedureName: p.procedure.name,
        fieldCode: null,
        fieldName: p.procedure.field,
        channel,
        applicant: { type: 'citizen', fullName: name, idNumber: null, phone: null, email: null, address: null },
        agent: null,
        returnMethod: channel === 'online' ? 'online' : 'counter',
        duration: { value: limit, unit: 'working_days' },
        components: [],
        feeTotal: 0,
        paidOnline: false,
        vneidVerified: channel === 'online',
        submittedAt: entry,
      },
      projection: { ...projection, nationalStatus: nationalStatusCode[state.status] },
      actions,
    };
  }
}
