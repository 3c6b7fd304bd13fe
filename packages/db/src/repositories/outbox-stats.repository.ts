import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export type OutboxScope = {
  provinceCodes?: readonly string[] | undefined;
  /** Only these topics (each destination's dispatcher takes its own: the portal, e-mail, SMS). */
  topics?: readonly string[] | undefined;
};

/** The `and …` conditions of a scope, on the alias `o` of outbox_messages. */
export const inScope = (s: OutboxScope) => {
  const province =
    s.provinceCodes && s.provinceCodes.length > 0
      ? sql`and o.province_code in (${sql.join(s.provinceCodes.map((p) => sql`${p}`))})`
      : sql``;
  const topic =
    s.topics && s.topics.length > 0 ? sql`and o.topic in (${sql.join(s.topics.map((t) => sql`${t}`))})` : sql``;
  return sql`${province} ${topic}`;
};

/** Seconds from the oldest pending row (as the driver returns the timestamp) to `now`; 0 when none is pending. */
const ageSeconds = (oldest: Date | string | null, now: Date) =>
  oldest ? Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000) : 0;

/** The outbox as metrics, health and the supervision pages read it: backlog, dead letters, sync per province. */
export function createOutboxStatsRepository(db: Kysely<DB>) {
  return {
    /** Pending (undelivered, not dead), age of the oldest pending row, and dead letters: for metrics and health. */
    async deliveryStats(input: OutboxScope & { now: Date }) {
      const r = await sql<{ pending: number; oldest: Date | null; dead: number }>`
        select count(*) filter (where o.dead_at is null)::int as pending,
               min(o.created_at) filter (where o.dead_at is null) as oldest,
               count(*) filter (where o.dead_at is not null)::int as dead
        from outbox_messages o where o.delivered_at is null and o.discarded_at is null ${inScope(input)}`.execute(db);
      const row = r.rows[0]!;
      return {
        pending: Number(row.pending),
        dead: Number(row.dead),
        oldestPendingAgeSeconds: ageSeconds(row.oldest, input.now),
      };
    },

    /**
     * Sync per province: dossiers received in [from, to) — synced (every status change delivered, at least one),
     * with a reused component, with a component from the citizen's store — and the portal backlog (rows not
     * delivered nor discarded, oldest age). A province with a backlog but nothing received in the period is listed.
     */
    async syncByProvince(input: { from: Date; to: Date; now: Date; topic: string }) {
      // (Result columns come back camel-cased by the Kysely plugin.)
      const r = await sql<{
        provinceCode: string;
        received: number;
        synced: number;
        reused: number;
        fromStore: number;
        pending: number;
        oldest: Date | null;
      }>`
        with d as (
          select d.province_code,
                 exists (select 1 from dossier_components c where c.dossier_id = d.id and c.reused) as reused,
                 exists (select 1 from dossier_components c where c.dossier_id = d.id and c.from_citizen_store) as from_store,
                 s.delivered, s.undelivered
          from dossiers d
          left join lateral (
            select count(*) filter (where o.delivered_at is not null) as delivered,
                   count(*) filter (where o.delivered_at is null) as undelivered
            from outbox_messages o where o.aggregate_type = 'dossier' and o.aggregate_id = d.id::text
          ) s on true
          where d.received_at >= ${input.from}::timestamptz and d.received_at < ${input.to}::timestamptz
        ), a as (
          select province_code, count(*)::int as received,
                 count(*) filter (where delivered > 0 and undelivered = 0)::int as synced,
                 count(*) filter (where reused)::int as reused,
                 count(*) filter (where from_store)::int as from_store
          from d group by province_code
        ), p as (
          select province_code, count(*)::int as pending, min(created_at) as oldest
          from outbox_messages
          where topic = ${input.topic} and delivered_at is null and discarded_at is null
          group by province_code
        )
        select coalesce(a.province_code, p.province_code) as province_code,
               coalesce(a.received, 0) as received, coalesce(a.synced, 0) as synced,
               coalesce(a.reused, 0) as reused, coalesce(a.from_store, 0) as from_store,
               coalesce(p.pending, 0) as pending, p.oldest
        from a full outer join p on p.province_code = a.province_code
        order by 1`.execute(db);
      return r.rows.map((row) => {
        return {
          provinceCode: row.provinceCode,
          received: Number(row.received),
          synced: Number(row.synced),
          reused: Number(row.reused),
          fromCitizenStore: Number(row.fromStore),
          pending: Number(row.pending),
          oldestPendingAgeSeconds: ageSeconds(row.oldest, input.now),
        };
      });
    },

    /** Backlog, oldest pending age and dead letters per topic (the supervision page's destinations). */
    async deliveryStatsByTopic(input: { now: Date }) {
      const r = await sql<{ topic: string; pending: number; oldest: Date | null; dead: number; delivered: number }>`
        select o.topic,
               count(*) filter (where o.delivered_at is null and o.dead_at is null)::int as pending,
               min(o.created_at) filter (where o.delivered_at is null and o.dead_at is null) as oldest,
               count(*) filter (where o.delivered_at is null and o.dead_at is not null)::int as dead,
               count(*) filter (where o.delivered_at >= ${new Date(input.now.getTime() - 86_400_000)}::timestamptz)::int as delivered
        from outbox_messages o
        where (o.delivered_at is null and o.discarded_at is null)
           or o.delivered_at >= ${new Date(input.now.getTime() - 86_400_000)}::timestamptz
        group by o.topic order by o.topic`.execute(db);
      return r.rows.map((row) => {
        return {
          topic: row.topic,
          pending: Number(row.pending),
          dead: Number(row.dead),
          deliveredLastDay: Number(row.delivered),
          oldestPendingAgeSeconds: ageSeconds(row.oldest, input.now),
        };
      });
    },

    /**
     * Decision 766 indicator 1.4 (dossiers synced with the national portal): of the dossiers received in
     * [from, to) in a province, how many have every status change delivered (at least one, none pending).
     */
    async syncedDossiersIndicator(input: { provinceCode: string; from: Date; to: Date }) {
      const r = await sql<{ total: number; synced: number }>`
        select count(*)::int as total,
               count(*) filter (where s.delivered > 0 and s.undelivered = 0)::int as synced
        from dossiers d
        left join lateral (
          select count(*) filter (where o.delivered_at is not null) as delivered,
                 count(*) filter (where o.delivered_at is null) as undelivered
          from outbox_messages o where o.aggregate_type = 'dossier' and o.aggregate_id = d.id::text
        ) s on true
        where d.province_code = ${input.provinceCode}
          and d.received_at >= ${input.from}::timestamptz and d.received_at < ${input.to}::timestamptz`.execute(db);
      const { total, synced } = r.rows[0]!;
      return {
        total: Number(total),
        synced: Number(synced),
        rate: Number(total) ? Number(synced) / Number(total) : null,
      };
    },
  };
}
