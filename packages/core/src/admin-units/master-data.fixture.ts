import { buildMasterDataset, type RawAdminUnitsFile, type RawChangesFile } from './master-data.js';
import { AdminUnitIndex } from './unit-index.js';

// Test-only: the shipped JSON, imported by path so type-checking never parses 3 MB of data.
const dir = '../../../../data/admin-units';
const units = `${dir}/vn-admin-units-2025-07-01.json`;
const changes = `${dir}/changes-after-2025-07-01.json`;

export async function loadShippedFiles(): Promise<{ raw: RawAdminUnitsFile; changes: RawChangesFile }> {
  const [a, b] = await Promise.all([
    import(/* @vite-ignore */ units, { with: { type: 'json' } }),
    import(/* @vite-ignore */ changes, { with: { type: 'json' } }),
  ]);
  return { raw: a.default as RawAdminUnitsFile, changes: b.default as RawChangesFile };
}

export async function loadShippedIndex(): Promise<AdminUnitIndex> {
  const { raw, changes } = await loadShippedFiles();
  return new AdminUnitIndex(buildMasterDataset(structuredClone(raw), changes));
}
