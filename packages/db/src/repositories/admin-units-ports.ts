import type { OfficialsPorts, OrganisationPorts } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAdminUnitsRepository } from './admin-units.repository.js';
import { createAuditPort } from './audit.repository.js';
import { createOfficialsRepository } from './officials.repository.js';
import { createOrganisationRepository } from './organisation.repository.js';
import { createRehomingRepository } from './rehoming.repository.js';

/** Ports of the organisation use cases over one transaction. */
export function createOrganisationPorts(trx: Kysely<DB>, requestId: string | null = null): OrganisationPorts {
  const units = createAdminUnitsRepository(trx);
  return { ...createOrganisationRepository(trx), findUnit: units.findUnit, audit: createAuditPort(trx, requestId) };
}

/** Ports of the officials use cases (assignment, profile) over one transaction. */
export function createOfficialsPorts(trx: Kysely<DB>, requestId: string | null = null): OfficialsPorts {
  const units = createAdminUnitsRepository(trx);
  const org = createOrganisationRepository(trx);
  const officials = createOfficialsRepository(trx);
  return {
    findOfficial: officials.findOfficial,
    findUnit: units.findUnit,
    findDepartment: org.findDepartment,
    listAssignments: officials.listAssignments,
    endAssignment: officials.endAssignment,
    createAssignment: officials.createAssignment,
    upsertProfile: officials.upsertProfile,
    audit: createAuditPort(trx, requestId),
  };
}

/** Ports of the review resolution (records of split units) over one transaction. */
export function createReviewPorts(trx: Kysely<DB>, requestId: string | null = null) {
  return { resolveReview: createRehomingRepository(trx).resolveReview, audit: createAuditPort(trx, requestId) };
}
