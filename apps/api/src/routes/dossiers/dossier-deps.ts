import { createHash, randomUUID } from 'node:crypto';
import type { RoleGrant } from '@mot-cua/contracts';
import {
  type Action,
  type Actor,
  AppError,
  authorize,
  type DossierActor,
  type DossierDeps,
  type DossierRecord,
  dossierResourceFor,
  type UnitsPort,
} from '@mot-cua/core';
import {
  createAuditPort,
  createDossierDeadlinePort,
  createDossierProcedurePort,
  createDossiersRepository,
  createDossierUnitsPort,
  createMasterDataCaches,
  createNotificationsRepository,
  type Database,
  type DB,
  type MasterDataCaches,
} from '@mot-cua/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../context.js';
import { unsubscribeLink, unsubscribeToken } from '../../notifications/unsubscribe-link.js';

/** The master-data caches of one database (shared by the requests of this process). */
const cachesByDatabase = new WeakMap<Database, MasterDataCaches>();
function cachesOf(database: Database): MasterDataCaches {
  let c = cachesByDatabase.get(database);
  if (!c) {
    c = createMasterDataCaches();
    cachesByDatabase.set(database, c);
  }
  return c;
}

/**
 * The use cases' ports over one connection or transaction. With the master-data version read with the
 * session, units, calendars and procedures come from the process's caches (no SQL while nothing changed);
 * without it, each is read once per call of this function.
 */
export function dossierDeps(
  trx: Kysely<DB>,
  app: AppDeps,
  version?: number,
  /** For writes: the request whose audit rows the use cases record in this transaction. */
  requestId?: string,
): DossierDeps & { dossiers: ReturnType<typeof createDossiersRepository> } {
  const access = { caches: cachesOf(app.database), version };
  const units = createDossierUnitsPort(trx, new Map(), access);
  return {
    dossiers: createDossiersRepository(trx),
    clock: app.clock,
    deadlines: createDossierDeadlinePort(trx, access),
    units,
    procedures: createDossierProcedurePort(trx, units, access),
    newId: randomUUID,
    systemCode: app.config.systemCode,
    ...(requestId !== undefined ? { audit: createAuditPort(trx, requestId) } : {}),
    // Applicant e-mails and SMS, queued as outbox rows in the same transaction as the action.
    notifications: createNotificationsRepository(trx, {
      lookupUrl: (code) => lookupLink(app.config.publicUrl, code),
      unsubscribeUrl: (key, channel, address) =>
        unsubscribeLink(app.config.publicUrl, unsubscribeToken(key, channel, address)),
    }),
  };
}

/** The public lookup page of a dossier, printed in applicant notifications. */
export const lookupLink = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;

/** Which unit(s) an authorization action is checked against for a dossier (core's rule). */
export const resourceFor = dossierResourceFor;

/** Authorize and turn the grant used into the actor recorded in the log. */
export function authorizeOnDossier(
  actor: Actor | undefined,
  fullName: string | null,
  action: Action,
  d: Pick<DossierRecord, 'receivingUnitCode' | 'competentUnitCode' | 'provinceCode'>,
): DossierActor {
  const grant: RoleGrant = authorize(actor, action, resourceFor(d, action));
  const unitCode =
    grant.unitCode === d.receivingUnitCode || grant.unitCode === d.competentUnitCode
      ? grant.unitCode
      : action === 'dossier.receive' || action === 'dossier.return'
        ? d.receivingUnitCode
        : d.competentUnitCode;
  return { userId: actor?.userId ?? null, name: fullName, role: grant.role, unitCode };
}

/** Names of units for slips and views (admin_units when present; the code otherwise). */
export async function loadUnitNames(
  units: UnitsPort,
  codes: string[],
  onDate: string,
): Promise<(code: string) => string> {
  const names = new Map<string, string>();
  for (const c of [...new Set(codes)]) {
    const u = await units.findUnit(c, onDate);
    if (u) names.set(c, u.name);
  }
  return (code) => names.get(code) ?? code;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Media type from the first bytes (never from the name or the declared type): PDF, PNG or JPEG. */
export function sniffMediaType(bytes: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

export function checkedFile(bytes: Buffer) {
  if (bytes.length === 0) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
    mediaType,
    content: bytes,
  };
}
