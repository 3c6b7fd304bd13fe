import { createOrganisationRepository, type Database, setUpQueueCenter } from '@mot-cua/db';
import { insertDossierTestUnits } from '@mot-cua/test-kit';
import pg from 'pg';

/** The throwaway database of a queue bench on the server at `base`: its URL, and statements on `postgres`. */
export function benchServer(base: string) {
  const withDb = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  async function admin(text: string) {
    const c = new pg.Client({ connectionString: withDb('postgres') });
    await c.connect();
    await c.query(text).finally(() => c.end());
  }
  return { withDb, admin };
}

/** The queue benches' center: one commune, its main service center with three counters, the queue's groups. */
export async function setUpBenchCenter(database: Database) {
  const u = await insertDossierTestUnits(database.db, 1);
  const unitCode = u.communeCodes[0]!;
  const center = await database.db.transaction().execute(async (trx) => {
    const org = createOrganisationRepository(trx);
    const id = await org.createServiceCenter({ unitCode, name: 'Trung tâm đo', isMain: true, validFrom: '2025-07-01' });
    for (const n of [1, 2, 3])
      await org.createCounter({ serviceCenterId: id, unitCode, number: n, name: `Quầy ${n}`, fields: [] });
    const groups = (await setUpQueueCenter(trx, { id, unitCode, provinceCode: u.provinceCode }))!;
    const counters = (await org.listCounters(id)).map((c) => c.id);
    return { id, groups, counters };
  });
  return { unitCode, center };
}
