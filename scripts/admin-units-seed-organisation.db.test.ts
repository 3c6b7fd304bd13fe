import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganisationRepository, loadAdminUnitsMasterData, withStartupLock } from '@mot-cua/db';
import { createTestDb } from '@mot-cua/test-kit';
import { describe, expect, it } from 'vitest';
import { openSeedDatabase, seedAllOrganisations } from './admin-units-seed-organisation.js';

describe('scripts/admin-units-seed-organisation', () => {
  it('gives every commune of a province its default structure by type, once', async () => {
    const database = await createTestDb();
    await withStartupLock(database, () => loadAdminUnitsMasterData(database, () => {}));
    const progress: number[] = [];
    // Lai Châu (12): a province of communes and wards.
    const first = await seedAllOrganisations(database, {
      onDate: '2025-07-01',
      provinceCode: '12',
      onProgress: (done) => progress.push(done),
    });
    expect(first.units).toBe(39); // the province and its 38 communes
    expect(progress.at(-1)).toBe(39);
    const org = createOrganisationRepository(database.db);
    const ward = await org.listDepartments('03408', '2025-07-01'); // Phường Tân Phong (Lai Châu)
    expect(ward.map((d) => d.kind)).toContain('economic_infrastructure_urban');
    const commune = await org.listDepartments('03390', '2025-07-01'); // Xã Bình Lư: Economic Department
    expect(commune.map((d) => d.kind)).toContain('economic');
    expect(await org.listServiceCenters('03390', '2025-07-01')).toHaveLength(1);
    const again = await seedAllOrganisations(database, { onDate: '2025-07-01', provinceCode: '12' });
    expect(again).toEqual({ units: 39, created: 0 });
    await database.close();
  });

  it('opens the embedded database where the product keeps it (DATA_DIR/pglite), not DATA_DIR itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-org-'));
    try {
      const database = await openSeedDatabase({ DATA_DIR: dir });
      expect(database.kind).toBe('pglite');
      await database.close();
      expect(existsSync(join(dir, 'pglite', 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
