import type { Actor, DossierRecord } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';

/**
 * An official's read of a dossier, one of its files or slips leaves an audit row (issue 16): who, with which
 * roles in which units, from where, for what. It answers "who looked at my dossier".
 */
export async function auditDossierRead(
  db: Database['db'],
  req: FastifyRequest,
  actor: Actor,
  dossier: Pick<DossierRecord, 'id' | 'receivingUnitCode' | 'provinceCode'>,
  purpose: string,
): Promise<void> {
  await createAuditRepository(db).recordAudit({
    actorUserId: actor.userId,
    action: 'dossier.read',
    entityType: 'dossier',
    entityId: dossier.id,
    unitCode: dossier.receivingUnitCode,
    provinceCode: dossier.provinceCode,
    requestId: String(req.id),
    data: { purpose, ip: req.ip, grants: actor.grants.map((g) => `${g.role}@${g.unitCode}`) },
  });
}
