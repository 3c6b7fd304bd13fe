import type { ProcedureConfigPorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createProcedureConfigRepository } from './procedure-config.repository.js';
import { createProceduresRepository } from './procedures.repository.js';

/** Ports of the procedure-configuration use cases over one transaction. */
export function createProcedureConfigPorts(trx: Kysely<DB>, requestId: string | null = null): ProcedureConfigPorts {
  const config = createProcedureConfigRepository(trx);
  const procedures = createProceduresRepository(trx);
  return {
    findProcedureHead: procedures.findProcedureHead,
    async listActiveProcedureCodes(codes) {
      if (codes.length === 0) return [];
      const rows = await trx
        .selectFrom('procedures')
        .select('code')
        .where('code', 'in', [...codes])
        .where('withdrawnOn', 'is', null)
        .execute();
      return rows.map((r) => r.code);
    },
    async findLegalLimit(code) {
      return (await procedures.findCurrentVersion(code))?.record.timeLimit ?? null;
    },
    putUnitConfig: config.putUnitConfig,
    setEnabled: config.setEnabled,
    putInternalProcess: config.putInternalProcess,
    deleteInternalProcess: config.deleteInternalProcess,
    getInternalProcess: config.getInternalProcess,
    audit: createAuditPort(trx, requestId),
  };
}
