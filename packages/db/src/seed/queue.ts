import { randomBytes } from 'node:crypto';
import { vnDate, vnStartOfDay, vnWeekday } from '@mot-cua/contracts';
import { DEFAULT_PRIORITY_RULES } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { DB } from '../schema/index.js';
import type { SeedLog } from './types.js';

/** The service groups a commune center starts with (by procedure field, plus result pickup and information). */
export const DEFAULT_QUEUE_GROUPS = [
  { code: '1', name: 'Tư pháp - Hộ tịch', kind: 'field', fieldCodes: ['Hộ tịch', 'Chứng thực'] },
  { code: '2', name: 'Đất đai - Xây dựng', kind: 'field', fieldCodes: ['Đất đai', 'Xây dựng'] },
  { code: '3', name: 'Kinh doanh và lĩnh vực khác', kind: 'field', fieldCodes: [] },
  { code: '4', name: 'Trả kết quả', kind: 'pickup', fieldCodes: [] },
  { code: '5', name: 'Thông tin, hướng dẫn', kind: 'information', fieldCodes: [] },
] as const;

/** Which groups each counter number serves, with its tier (1 = main group). */
const COUNTER_GROUPS: Record<number, Array<[code: string, tier: number]>> = {
  1: [
    ['1', 1],
    ['3', 2],
  ],
  2: [
    ['2', 1],
    ['3', 2],
  ],
  3: [
    ['3', 1],
    ['1', 2],
    ['2', 2],
  ],
  4: [['4', 1]],
  5: [
    ['5', 1],
    ['4', 2],
  ],
};

const EXTRA_COUNTERS = [
  { number: 4, name: 'Quầy 4 - Trả kết quả', fields: [] as string[] },
  { number: 5, name: 'Quầy 5 - Thông tin, hướng dẫn', fields: [] as string[] },
];

export const DEMO_NOTICES = [
  'Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên gọi số trước.',
  'Đặt lịch hẹn trực tuyến để được ưu tiên khi đến trung tâm.',
  'Trung tâm làm việc: sáng 7:00 - 11:30, chiều 13:30 - 17:00 các ngày làm việc.',
];

/**
 * Turn a service center into a front desk: settings with the default priority rules, the default groups, counters
 * 4 and 5 when missing, and the groups each counter serves. Idempotent: does nothing when the center has settings.
 * Returns the group ids by code.
 */
export async function setUpQueueCenter(
  db: Kysely<DB>,
  center: { id: string; unitCode: string; provinceCode: string },
): Promise<Record<string, string> | undefined> {
  const exists = await db
    .selectFrom('queueSettings')
    .select('serviceCenterId')
    .where('serviceCenterId', '=', center.id)
    .executeTakeFirst();
  if (exists) return undefined;
  await db
    .insertInto('queueSettings')
    .values({
      serviceCenterId: center.id,
      unitCode: center.unitCode,
      provinceCode: center.provinceCode,
      priorityRules: JSON.stringify(DEFAULT_PRIORITY_RULES),
      notices: JSON.stringify(DEMO_NOTICES),
    })
    .execute();
  const ids: Record<string, string> = {};
  for (const [i, g] of DEFAULT_QUEUE_GROUPS.entries()) {
    const r = await db
      .insertInto('queueGroups')
      .values({
        serviceCenterId: center.id,
        unitCode: center.unitCode,
        provinceCode: center.provinceCode,
        code: g.code,
        name: g.name,
        kind: g.kind,
        fieldCodes: JSON.stringify(g.fieldCodes),
        numberBase: Number(g.code) * 1000,
        position: i,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[g.code] = r.id;
  }
  const counters = await db
    .selectFrom('counters')
    .select(['id', 'number'])
    .where('serviceCenterId', '=', center.id)
    .execute();
  for (const extra of EXTRA_COUNTERS) {
    if (counters.some((c) => c.number === extra.number)) continue;
    const r = await db
      .insertInto('counters')
      .values({ serviceCenterId: center.id, unitCode: center.unitCode, ...extra, fields: JSON.stringify(extra.fields) })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    counters.push(r);
  }
  for (const c of counters) {
    for (const [code, tier] of COUNTER_GROUPS[c.number] ?? [['3', 1]]) {
      await db.insertInto('queueCounterGroups').values({ counterId: c.id, groupId: ids[code]!, tier }).execute();
    }
  }
  return ids;
}

/** A small deterministic generator, so the demo history is the same on every first start. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Demo front desk of Phường Bến Thành: groups, counters 1–5 and two weeks of served tickets (so the director's page
 * has numbers and the peak-hours map is not empty). Today's queue starts empty.
 */
export async function seedQueueDemo(database: Database, log: SeedLog, now: Date = new Date()): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const center = await trx
      .selectFrom('serviceCenters')
      .select(['id', 'unitCode'])
      .where('unitCode', '=', '26743')
      .where('isMain', '=', true)
      .where('validTo', 'is', null)
      .executeTakeFirst();
    if (!center) return;
    const ids = await setUpQueueCenter(trx, { id: center.id, unitCode: center.unitCode, provinceCode: '79' });
    if (!ids) return;
    const official = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tiepnhan.benthanh')
      .executeTakeFirst();
    const counters = await trx
      .selectFrom('counters')
      .select(['id', 'number'])
      .where('serviceCenterId', '=', center.id)
      .orderBy('number')
      .execute();
    const rand = lcg(2026);
    const DAY = 86_400_000;
    const rows = [];
    for (let back = 14; back >= 1; back--) {
      const instant = new Date(now.getTime() - back * DAY);
      const weekday = vnWeekday(instant);
      if (weekday === 0 || weekday === 6) continue;
      const day = vnDate(instant);
      const perDay = 12 + Math.floor(rand() * 10);
      const seq: Record<string, number> = {};
      for (let i = 0; i < perDay; i++) {
        const code = String(1 + Math.floor(rand() * 4));
        seq[code] = (seq[code] ?? 0) + 1;
        // Mornings are busier: 60 % between 7:30 and 10:30.
        const hour = rand() < 0.6 ? 7.5 + rand() * 3 : 13.5 + rand() * 3;
        const issuedAt = new Date(vnStartOfDay(day).getTime() + hour * 3_600_000);
        const wait = (3 + rand() * 25) * 60_000;
        const service = (4 + rand() * 12) * 60_000;
        const noShow = rand() < 0.07;
        const counter = counters[(Number(code) - 1) % counters.length]!;
        rows.push({
          publicToken: randomBytes(12).toString('base64url'),
          serviceCenterId: center.id,
          unitCode: center.unitCode,
          provinceCode: '79',
          groupId: ids[code]!,
          day,
          number: Number(code) * 1000 + seq[code]!,
          status: noShow ? ('no_show' as const) : ('done' as const),
          source: 'kiosk' as const,
          priorityKind: null,
          issuedAt,
          issuedBy: null,
          precheck: null,
          appointmentId: null,
          dossierCode: null,
          preferredCounterId: null,
          counterId: counter.id,
          officialUserId: official?.id ?? null,
          calledAt: new Date(issuedAt.getTime() + wait),
          callCount: noShow ? 3 : 1,
          servingStartedAt: noShow ? null : new Date(issuedAt.getTime() + wait + 60_000),
          finishedAt: new Date(issuedAt.getTime() + wait + (noShow ? 180_000 : 60_000 + service)),
        });
      }
    }
    if (rows.length) await trx.insertInto('queueTickets').values(rows).execute();
    log(`demo: front desk of Phường Bến Thành (5 groups, ${counters.length} counters, ${rows.length} past tickets)`);
  });
}
