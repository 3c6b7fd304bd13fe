import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import { enableUnitProcedures, type ProcedureConfigPorts, removeInternalProcess } from './configure-procedures.js';

function memoryPorts(active: string[]) {
  const writes: string[] = [];
  const audit: AuditRecord[] = [];
  const ports: ProcedureConfigPorts = {
    findProcedureHead: async (code) =>
      active.includes(code) ? { withdrawnOn: null } : code === 'OLD' ? { withdrawnOn: '2025-01-01' } : undefined,
    listActiveProcedureCodes: async (codes) => codes.filter((c) => active.includes(c)),
    findLegalLimit: async () => null,
    putUnitConfig: async () => {
      throw new Error('not used');
    },
    setEnabled: async (unit, codes, enabled) => {
      writes.push(`${unit} ${codes.join(',')} ${enabled}`);
      return codes.length;
    },
    putInternalProcess: async () => undefined,
    deleteInternalProcess: async (unit, code) => {
      writes.push(`delete ${unit}:${code}`);
      return true;
    },
    getInternalProcess: async () => {
      throw new Error('not used');
    },
    audit: { record: async (e) => void audit.push(e) },
  };
  return { ports, writes, audit };
}

const scope = { unitCode: '26743', provinceCode: '79' };
const director = { userId: 'u1', grants: [{ role: 'center_director' as const, unitCode: '26743' }] };
const reception = { userId: 'u2', grants: [{ role: 'reception' as const, unitCode: '26743' }] };

describe('procedure configuration use cases', () => {
  it('enables known procedures once each and audits the list', async () => {
    const { ports, writes, audit } = memoryPorts(['1.1', '1.2']);
    const r = await enableUnitProcedures(
      scope,
      { procedureCodes: ['1.1', '1.2', '1.1'], enabled: true },
      director,
      ports,
    );
    expect(r).toEqual({ updated: 2 });
    expect(writes).toEqual(['26743 1.1,1.2 true']);
    expect(audit).toMatchObject([
      { action: 'procedure.configure', entityId: '26743:*', data: { enabled: true, procedureCodes: ['1.1', '1.2'] } },
    ]);
  });

  it('names the unknown codes and writes nothing', async () => {
    const { ports, writes, audit } = memoryPorts(['1.1']);
    await expect(
      enableUnitProcedures(scope, { procedureCodes: ['1.1', '9.9'], enabled: true }, director, ports),
    ).rejects.toMatchObject({ code: 'PROCEDURE_NOT_FOUND', details: { codes: ['9.9'] } });
    expect([writes, audit]).toEqual([[], []]);
  });

  it('refuses a role without procedure.configure, and a withdrawn procedure', async () => {
    const { ports, writes } = memoryPorts(['1.1']);
    await expect(removeInternalProcess(scope, '1.1', reception, ports)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeInternalProcess(scope, 'OLD', director, ports)).rejects.toMatchObject({
      code: 'PROCEDURE_WITHDRAWN',
    });
    expect(writes).toEqual([]);
    await removeInternalProcess(scope, '1.1', director, ports);
    expect(writes).toEqual(['delete 26743:1.1']);
  });
});
