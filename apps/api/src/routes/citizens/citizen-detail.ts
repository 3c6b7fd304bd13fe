import type { DossierRecord, DossierState } from '@mot-cua/core';
import { vnDate } from '@mot-cua/core';
import { createDossierFeesRepository, createOnlinePaymentsRepository, type DB } from '@mot-cua/db';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../context.js';
import { accessLogFor } from '../dossiers/access-log.js';
import { type dossierDeps, loadUnitNames } from '../dossiers/dossier-deps.js';
import { type CitizenCaller, presentCitizenDetail } from './citizen-context.js';

type Deps = ReturnType<typeof dossierDeps>;

/**
 * The citizen's detail of one of their dossiers with what it shows besides the log (unit names, files, payments,
 * fees, access log), read on `db` (the transaction's connection after a write).
 */
export async function readCitizenDetail(
  app: Pick<AppDeps, 'clock'>,
  db: Kysely<DB>,
  d: Deps,
  c: CitizenCaller,
  r: { dossier: DossierRecord; state: DossierState; actions: Parameters<typeof presentCitizenDetail>[0]['actions'] },
) {
  const unitName = await loadUnitNames(d.units, [r.dossier.receivingUnitCode], vnDate(app.clock.now()));
  const attachments = (await d.dossiers.listAttachments(r.dossier.id)).map((a) => ({
    id: a.id,
    kind: a.kind,
    componentKey: a.componentKey,
    fileName: a.fileName,
    sizeBytes: a.sizeBytes,
    mediaType: a.mediaType,
  }));
  return presentCitizenDetail({
    citizen: c,
    ...r,
    unitName,
    attachments,
    payments: await createOnlinePaymentsRepository(db).listForDossier(r.dossier.id),
    fees: await createDossierFeesRepository(db).listForDossier(r.dossier.id),
    accessLog: await accessLogFor(db, d.units, app.clock.now(), r.dossier),
  });
}
