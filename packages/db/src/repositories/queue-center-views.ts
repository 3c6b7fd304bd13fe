import type { QueueGroupView, TicketView } from '@mot-cua/contracts';
import { TicketPrecheck } from '@mot-cua/contracts';
import { expectedWaitMinutes } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A center's groups (with their waits), counters (with who holds them) and one ticket as its holder sees it. */
export function createQueueCenterViews(db: Kysely<DB>) {
  async function groupsOf(centerId: string, day: string): Promise<QueueGroupView[]> {
    const r = await sql<{
      id: string;
      code: string;
      name: string;
      kind: QueueGroupView['kind'];
      fieldCodes: string[];
      numberBase: number;
      waiting: number;
      openCounters: number;
      avgServiceMinutes: number | null;
    }>`
      select g.id, g.code, g.name, g.kind, g.field_codes, g.number_base,
        (select count(*) from queue_tickets t where t.group_id = g.id and t.day = ${day}::date and t.status = 'waiting')::int as waiting,
        (select count(*) from queue_counter_groups cg join queue_counter_sessions s on s.counter_id = cg.counter_id and s.closed_at is null
          where cg.group_id = g.id)::int as open_counters,
        (select avg(extract(epoch from (t.finished_at - t.serving_started_at)) / 60) from queue_tickets t
          where t.group_id = g.id and t.status = 'done' and t.day > ${day}::date - 7)::float8 as avg_service_minutes
      from queue_groups g where g.service_center_id = ${centerId} and g.is_active order by g.position, g.code`.execute(
      db,
    );
    return r.rows.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      kind: g.kind,
      fieldCodes: g.fieldCodes,
      numberBase: g.numberBase,
      waiting: g.waiting,
      expectedWaitMinutes: expectedWaitMinutes({
        ahead: g.waiting,
        openCounters: g.openCounters,
        avgServiceMinutes: g.avgServiceMinutes,
      }),
    }));
  }

  async function countersOf(centerId: string) {
    const r = await sql<{
      id: string;
      number: number;
      name: string;
      groupIds: string[] | null;
      officialUserId: string | null;
      officialName: string | null;
    }>`
      select c.id, c.number, c.name,
        (select json_agg(cg.group_id order by cg.tier) from queue_counter_groups cg where cg.counter_id = c.id) as group_ids,
        s.user_id as official_user_id, u.full_name as official_name
      from counters c
      left join queue_counter_sessions s on s.counter_id = c.id and s.closed_at is null
      left join users u on u.id = s.user_id
      where c.service_center_id = ${centerId} and c.is_active order by c.number`.execute(db);
    return r.rows.map((c) => ({ ...c, groupIds: c.groupIds ?? [] }));
  }

  async function ticketView(
    where: { id?: string; token?: string },
    publicUrl: string,
  ): Promise<TicketView | undefined> {
    const cond = where.id ? sql`t.id = ${where.id}` : sql`t.public_token = ${where.token ?? ''}`;
    const r = await sql<{
      id: string;
      publicToken: string;
      centerId: string;
      centerName: string;
      number: number;
      groupId: string;
      groupName: string;
      status: TicketView['status'];
      priorityKind: TicketView['priorityKind'];
      source: TicketView['source'];
      issuedAt: Date;
      calledAt: Date | null;
      servingStartedAt: Date | null;
      finishedAt: Date | null;
      counterNumber: number | null;
      dossierCode: string | null;
      precheck: unknown;
      day: string;
    }>`
      select t.id, t.public_token, t.service_center_id as center_id, sc.name as center_name, t.number, t.group_id,
        g.name as group_name, t.status, t.priority_kind, t.source, t.issued_at, t.called_at, t.serving_started_at,
        t.finished_at, c.number as counter_number, t.dossier_code, t.precheck, t.day
      from queue_tickets t join queue_groups g on g.id = t.group_id join service_centers sc on sc.id = t.service_center_id
      left join counters c on c.id = t.counter_id where ${cond}`.execute(db);
    const t = r.rows[0];
    if (!t) return undefined;
    const group = (await groupsOf(t.centerId, t.day)).find((g) => g.id === t.groupId);
    const ahead =
      t.status === 'waiting'
        ? Number(
            (
              await sql<{ n: number }>`select count(*)::int as n from queue_tickets where group_id = ${t.groupId}
                and day = ${t.day}::date and status = 'waiting' and (issued_at, number) < (${t.issuedAt}::timestamptz, ${t.number}::int)`.execute(
                db,
              )
            ).rows[0]!.n,
          )
        : 0;
    const perHead = group && group.waiting > 0 ? group.expectedWaitMinutes / group.waiting : 0;
    const links = await sql<{ dossierId: string; code: string; kind: 'received' | 'pickup'; linkedAt: Date }>`
      select l.dossier_id, d.code, l.kind, l.linked_at from queue_ticket_dossiers l join dossiers d on d.id = l.dossier_id
      where l.ticket_id = ${t.id} order by l.linked_at, d.code`.execute(db);
    return {
      id: t.id,
      publicToken: t.publicToken,
      centerId: t.centerId,
      centerName: t.centerName,
      number: t.number,
      groupId: t.groupId,
      groupName: t.groupName,
      status: t.status,
      priorityKind: t.priorityKind,
      source: t.source,
      issuedAt: iso(t.issuedAt)!,
      calledAt: iso(t.calledAt),
      servingStartedAt: iso(t.servingStartedAt),
      finishedAt: iso(t.finishedAt),
      counterNumber: t.counterNumber,
      ahead,
      expectedWaitMinutes: t.status === 'waiting' ? Math.ceil(ahead * perHead) : 0,
      dossierCode: t.dossierCode,
      dossiers: links.rows.map((l) => ({ ...l, linkedAt: iso(l.linkedAt)! })),
      // A pre-check recorded before the server computed it (procedure code and free-text list) is not shown.
      precheck:
        TicketPrecheck.safeParse(typeof t.precheck === 'string' ? JSON.parse(t.precheck) : t.precheck).data ?? null,
      followUrl: `${publicUrl.replace(/\/$/, '')}/so-thu-tu/${t.publicToken}`,
    };
  }

  async function waitingByGroup(centerId: string, day: string) {
    return (await groupsOf(centerId, day)).map((g) => ({ groupId: g.id, name: g.name, count: g.waiting }));
  }

  return { groupsOf, countersOf, ticketView, waitingByGroup };
}
