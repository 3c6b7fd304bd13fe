import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import {
  addDepartment,
  createDefaultOrganisation,
  type OrganisationPorts,
  updateCounter,
} from './manage-organisation.js';
import type { UnitVersion } from './unit-model.js';

const ward: UnitVersion = {
  code: '26743',
  level: 'commune',
  type: 'ward',
  name: 'Bến Thành',
  fullName: 'Phường Bến Thành',
  provinceCode: '79',
  districtCode: null,
  validFrom: '2025-07-01',
  validTo: null,
};

/** In-memory ports: what the use case wrote, and its audit rows, in order. */
function memoryPorts() {
  const writes: string[] = [];
  const audit: AuditRecord[] = [];
  const ports: OrganisationPorts = {
    findUnit: async (code) => (code === ward.code ? ward : undefined),
    findDepartment: async () => undefined,
    findServiceCenter: async (id) => (id === 'c1' ? { id, unitCode: ward.code } : undefined),
    findCounter: async (id) => (id === 'k1' ? { id, serviceCenterId: 'c1' } : undefined),
    ensureDefaultOrganisation: async () => {
      writes.push('default');
      return true;
    },
    createDepartment: async (d) => {
      writes.push(`department ${d.name} from ${d.validFrom}`);
      return 'd1';
    },
    updateDepartment: async () => {},
    endDepartment: async () => {},
    createServiceCenter: async () => 'c2',
    updateServiceCenter: async () => {},
    createCounter: async () => 'k2',
    updateCounter: async (id, patch) => {
      writes.push(`counter ${id} ${JSON.stringify(patch)}`);
    },
    audit: { record: async (e) => void audit.push(e) },
  };
  return { ports, writes, audit };
}

const director = { userId: 'u1', grants: [{ role: 'center_director' as const, unitCode: '26743' }] };
const elsewhere = { userId: 'u2', grants: [{ role: 'center_director' as const, unitCode: '00070' }] };
const today = '2026-03-02';

describe('organisation use cases', () => {
  it('a director adds a department in her ward from today, with one audit row naming the unit', async () => {
    const { ports, writes, audit } = memoryPorts();
    const id = await addDepartment('26743', { kind: 'office', name: 'Văn phòng' }, { actor: director, today }, ports);
    expect(id).toBe('d1');
    expect(writes).toEqual([`department Văn phòng from ${today}`]);
    expect(audit).toEqual([
      {
        actorUserId: 'u1',
        action: 'organisation.department_created',
        entityType: 'department',
        entityId: 'd1',
        unitCode: '26743',
        provinceCode: '79',
        data: { kind: 'office', name: 'Văn phòng' },
      },
    ]);
  });

  it('refuses a director of another unit before writing anything', async () => {
    const { ports, writes, audit } = memoryPorts();
    await expect(
      addDepartment('26743', { kind: 'office', name: 'Văn phòng' }, { actor: elsewhere, today }, ports),
    ).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    expect([writes, audit]).toEqual([[], []]);
  });

  it('finds a counter through its center and unit, and says which one is missing', async () => {
    const { ports, writes } = memoryPorts();
    await updateCounter('k1', { isActive: false }, { actor: director, today }, ports);
    expect(writes).toEqual(['counter k1 {"isActive":false}']);
    await expect(updateCounter('k9', {}, { actor: director, today }, ports)).rejects.toMatchObject({
      code: 'COUNTER_NOT_FOUND',
    });
    await expect(
      addDepartment('99999', { kind: 'office', name: 'X' }, { actor: director, today }, ports),
    ).rejects.toMatchObject({ code: 'ADMIN_UNIT_NOT_FOUND' });
  });

  it('creates the default organisation once it is missing, and audits it', async () => {
    const { ports, writes, audit } = memoryPorts();
    await createDefaultOrganisation('26743', { actor: director, today }, ports);
    expect(writes).toEqual(['default']);
    expect(audit.map((a) => a.action)).toEqual(['organisation.default_created']);
  });
});
