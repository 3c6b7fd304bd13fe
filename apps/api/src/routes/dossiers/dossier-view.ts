import {
  type Actor,
  AppError,
  actionsWithSideRecords,
  authorizationActionFor,
  type DossierAction,
  type DossierActionResult,
  type DossierActionType,
  type DossierActor,
  type DossierAttachment,
  type DossierRecord,
  type DossierState,
  deriveDossierState,
  permittedActions,
  vnDate,
} from '@mot-cua/core';
import type { DB } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { inTransaction } from '../write.js';
import { authorizeOnDossier, dossierDeps, loadUnitNames } from './dossier-deps.js';
import { presentDetail } from './dossiers.presenter.js';

export type LoadedDossier = {
  dossier: DossierRecord;
  state: DossierState;
  actions: DossierAction[];
  /** The files, when they were read with the dossier (an action in one statement): not read again. */
  attachments?: DossierAttachment[];
};

/** The master-data version read with the session (undefined for public callers). */
export const versionOf = (req: FastifyRequest) => req.session?.masterDataVersion;

/** Read a dossier with its log and folded state (no lock). */
export async function loadDossier(d: ReturnType<typeof dossierDeps>, id: string): Promise<LoadedDossier> {
  const dossier = await d.dossiers.findDossier(id);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
  const actions = await d.dossiers.listActions(id);
  return { dossier, actions, state: deriveDossierState(actions) };
}

/**
 * The detail view for the signed-in actor from a dossier already loaded (or just changed): its allowed
 * actions, due-soon mark (cached calendar) and unit names (cached units); reads only the attachments,
 * and not even those when they came with the dossier or `noAttachments` (a dossier just created has none).
 */
export async function presentLoaded(
  trx: Kysely<DB>,
  app: AppDeps,
  loaded: LoadedDossier,
  actor: Actor,
  version: number | undefined,
  opts: { noAttachments?: boolean } = {},
) {
  const d = dossierDeps(trx, app, version);
  const { dossier, state, actions } = loaded;
  const now = app.clock.now();
  const dueSoonAt =
    state.dueAt && !state.finishedAt
      ? await d.deadlines.workingDaysBefore({
          unitCode: dossier.competentUnitCode,
          provinceCode: dossier.provinceCode,
          at: state.dueAt,
          days: 1,
        })
      : null;
  const unitName = await loadUnitNames(d.units, [dossier.receivingUnitCode, dossier.competentUnitCode], vnDate(now));
  const attachments = opts.noAttachments
    ? []
    : (loaded.attachments ?? (await d.dossiers.listAttachments(dossier.id))).map((a) => ({
        id: a.id,
        kind: a.kind,
        componentKey: a.componentKey,
        fileName: a.fileName,
        sha256: a.sha256,
        sizeBytes: a.sizeBytes,
        mediaType: a.mediaType,
      }));
  // One working day before the due date is both the due-soon mark and the latest apology instant.
  const allowedActions = permittedActions(state, dossier, actor, { now, apologyLatestAt: dueSoonAt });
  return presentDetail({ dossier, state, actions, now, dueSoonAt, unitName, attachments, allowedActions });
}

/**
 * The one path of every dossier action, in one pass: core folds the dossier's log once and asks this resolver
 * who acts, which authorizes the request's actor with the action's policy line against that state; core checks
 * the status rules and the internal process and appends the action with its audit row; the view is built from
 * the result without reading the dossier again. Actions without side records run without a transaction: a
 * versioned read and one conditional write statement, retried on a lost race (core's one-statement-action.ts);
 * the others lock the dossier in a transaction.
 */
export async function actOnDossier(
  app: AppDeps,
  req: FastifyRequest,
  type: DossierActionType,
  run: (
    d: ReturnType<typeof dossierDeps>,
    who: (dossier: DossierRecord, state: DossierState) => DossierActor,
  ) => Promise<DossierActionResult>,
) {
  const actor = requireActor(req);
  const version = versionOf(req);
  const name = req.session?.user.fullName ?? null;
  const who = (dossier: DossierRecord, state: DossierState) =>
    authorizeOnDossier(actor, name, authorizationActionFor(type, state.phase, state.currentStep?.role), dossier);
  if (!actionsWithSideRecords.has(type)) {
    const db = app.database.db;
    const result = await run({ ...dossierDeps(db, app, version, String(req.id)), oneStatement: true }, who);
    return presentLoaded(db, app, result, actor, version);
  }
  return inTransaction(
    app,
    req,
    (trx, requestId) => ({ trx, d: dossierDeps(trx, app, version, requestId) }),
    async ({ trx, d }) => presentLoaded(trx, app, await run(d, who), actor, version),
  );
}
