import type { CounterState, TicketView } from '@mot-cua/contracts';
import { createOrganisationRepository, type Database, setUpQueueCenter } from '@mot-cua/db';
import type { FastifyInstance } from 'fastify';
import type { Signed } from '../../testing.js';

/** A service center with counters 1–5 and the default front desk (groups 1–5) for a test unit. */
export async function queueTestCenter(database: Database, unitCode: string, provinceCode: string) {
  return database.db.transaction().execute(async (trx) => {
    const org = createOrganisationRepository(trx);
    const centerId = await org.createServiceCenter({
      unitCode,
      name: `Trung tâm thử ${unitCode}`,
      isMain: true,
      validFrom: '2025-07-01',
    });
    for (const n of [1, 2, 3]) {
      await org.createCounter({ serviceCenterId: centerId, unitCode, number: n, name: `Quầy ${n}`, fields: [] });
    }
    const groups = (await setUpQueueCenter(trx, { id: centerId, unitCode, provinceCode }))!;
    const counters = Object.fromEntries((await org.listCounters(centerId)).map((c) => [c.number, c.id])) as Record<
      number,
      string
    >;
    return { centerId, groups, counters };
  });
}

/** Thin wrappers over app.inject for the queue API. */
export function queueClient(app: FastifyInstance) {
  const post = (s: Signed | undefined, url: string, payload: unknown = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/queue${url}`,
      ...(s ? { headers: s.headers } : {}),
      payload: payload as object,
    });
  const get = (s: Signed | undefined, url: string) =>
    app.inject({ method: 'GET', url: `/api/queue${url}`, ...(s ? { headers: { cookie: s.cookie } } : {}) });
  return {
    post,
    get,
    async kiosk(centerId: string, groupId: string, extra: Record<string, unknown> = {}): Promise<TicketView> {
      const r = await post(undefined, `/centers/${centerId}/tickets`, { groupId, ...extra });
      if (r.statusCode !== 201) throw new Error(`kiosk ticket: ${r.statusCode} ${r.body}`);
      return r.json();
    },
    async counter(
      s: Signed,
      counterId: string,
      action: string,
    ): Promise<{ status: number; state: CounterState; body: string }> {
      const r = await post(s, `/counters/${counterId}/${action}`);
      return { status: r.statusCode, state: r.json(), body: r.body };
    },
    async ticket(s: Signed, ticketId: string, action: string, payload: unknown = {}) {
      return post(s, `/tickets/${ticketId}/${action}`, payload);
    },
  };
}
