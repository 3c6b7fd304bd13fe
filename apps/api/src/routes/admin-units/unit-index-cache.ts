import { AddressConverter, AdminUnitIndex } from '@mot-cua/core';
import { createAdminUnitsRepository, type Database } from '@mot-cua/db';

type Entry = { revision: string; index: AdminUnitIndex; converter: AddressConverter };
const cache = new WeakMap<Database, Promise<Entry>>();

/**
 * The in-memory unit index and address converter of a database, rebuilt when a change event is applied (the
 * revision is one cheap query; a rebuild reads about 25,000 rows and takes well under a second).
 */
export async function unitIndexOf(database: Database): Promise<Entry> {
  const repo = createAdminUnitsRepository(database.db);
  const revision = await repo.revision();
  const current = cache.get(database);
  if (current) {
    const e = await current;
    if (e.revision === revision) return e;
  }
  const next = repo.loadDataset().then((dataset) => {
    const index = new AdminUnitIndex(dataset);
    return { revision, index, converter: new AddressConverter(index) };
  });
  cache.set(database, next);
  next.catch(() => cache.delete(database));
  return next;
}
