import type { RoleGrant } from '@mot-cua/contracts';
import type { Actor, DossierRecord } from '@mot-cua/core';
import { createAuditRepository, type Database } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';

/**
 * An official's read of a dossier, one of its files or slips leaves an audit row (issue 16): who, with which
 * role in which office (the grant that allowed the read: `role`, `office`), from where, for what. It answers "who
 * looked at my dossier": the applicant sees the office, the role and the time (never the official's name).
 */
export async function auditDossierRead(
  db: Database['db'],
  req: FastifyRequest,
  actor: Actor,
  via: RoleGrant,
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
    data: {
      purpose,
      role: via.role,
      office: via.unitCode,
      ip: req.ip,
      grants: actor.grants.map((g) => `${g.role}@${g.unitCode}`),
    },
  });
}
