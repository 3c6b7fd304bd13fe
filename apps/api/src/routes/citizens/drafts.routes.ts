import { randomUUID } from 'node:crypto';
import { CitizenDraft, CitizenDraftList, SaveCitizenDraftRequest } from '@mot-cua/contracts';
import {
  AppError,
  attachDraftFiles,
  type CitizenDraft as DraftRecord,
  deleteCitizenDraft,
  listCitizenDrafts,
  removeDraftFile,
  saveCitizenDraft,
  vnDate,
} from '@mot-cua/core';
import { createAuditPort, createCitizenDraftsRepository, createProceduresRepository, type DB } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../write.js';
import { requireCitizen } from './citizen-context.js';
import { readCitizenParts } from './uploads.js';

const tags = ['citizens'];
const Params = z.object({ procedureCode: z.string().regex(/^[0-9A-Za-z.]{1,40}$/) });

/** A draft as the citizen sees it: its procedure's name, files without their hashes. */
async function present(db: Kysely<DB>, today: string, d: DraftRecord): Promise<CitizenDraft> {
  const version = await createProceduresRepository(db).findVersionAt(d.procedureCode, today);
  return {
    id: d.id,
    procedureCode: d.procedureCode,
    procedureName: version?.record.name ?? null,
    data: d.data,
    files: d.files.map(({ sha256: _h, ...f }) => f),
    updatedAt: d.updatedAt.toISOString(),
    expiresAt: d.expiresAt.toISOString(),
  };
}

/**
 * Drafts of online submissions, per citizen and procedure (`/api/citizen/drafts/:procedureCode`): always the signed-in
 * citizen's own, so another citizen's draft cannot be named. Saved with each autosave, files attached as they are
 * chosen; deleted on submission (online-submission.routes.ts) or by the citizen.
 */
export const draftRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const ports = (trx: Kysely<DB>, requestId: string) => ({
    trx,
    d: {
      drafts: createCitizenDraftsRepository(trx),
      audit: createAuditPort(trx, requestId),
      now: deps.clock.now(),
      newId: randomUUID,
    },
  });
  const today = () => vnDate(deps.clock.now());

  app.get(
    '/drafts',
    { schema: { tags, summary: 'My drafts (expired ones are deleted)', response: { 200: CitizenDraftList } } },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      return inTransaction(deps, req, ports, async ({ trx, d }) => ({
        items: await Promise.all((await listCitizenDrafts(d, c.userId)).map((x) => present(trx, today(), x))),
      }));
    },
  );

  app.get(
    '/drafts/:procedureCode',
    {
      schema: {
        tags,
        summary: 'My draft for a procedure (null when there is none: opening a form is not an error)',
        params: Params,
        response: { 200: CitizenDraft.nullable() },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      const db = deps.database.db;
      const draft = await createCitizenDraftsRepository(db).findDraft(
        c.userId,
        req.params.procedureCode,
        deps.clock.now(),
      );
      return draft ? present(db, today(), draft) : null;
    },
  );

  app.put(
    '/drafts/:procedureCode',
    {
      schema: {
        tags,
        summary: 'Save my draft for a procedure (autosave); renews its expiry',
        params: Params,
        body: SaveCitizenDraftRequest,
        response: { 200: CitizenDraft },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      const version = await createProceduresRepository(deps.database.db).findVersionAt(
        req.params.procedureCode,
        today(),
      );
      if (!version) throw new AppError('PROCEDURE_NOT_AVAILABLE');
      return inTransaction(deps, req, ports, async ({ trx, d }) =>
        present(
          trx,
          today(),
          await saveCitizenDraft(d, {
            userId: c.userId,
            procedureCode: version.record.code,
            data: req.body.data,
            draftId: req.body.draftId ?? null,
          }),
        ),
      );
    },
  );

  app.delete(
    '/drafts/:procedureCode',
    { schema: { tags, summary: 'Discard my draft', params: Params, response: { 204: z.null() } } },
    async (req, reply) => {
      const c = await requireCitizen(req, deps.database.db);
      const gone = await inTransaction(deps, req, ports, ({ d }) =>
        deleteCitizenDraft(d, { userId: c.userId, procedureCode: req.params.procedureCode, reason: 'discarded' }),
      );
      if (!gone) throw new AppError('DRAFT_NOT_FOUND');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/drafts/:procedureCode/files',
    {
      schema: {
        tags,
        summary: 'Attach uploads to my draft (multipart, parts named by component key; checked by their bytes)',
        params: Params,
        consumes: ['multipart/form-data'],
        response: { 200: CitizenDraft },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      const { files } = await readCitizenParts(req, deps.files);
      const version = await createProceduresRepository(deps.database.db).findVersionAt(
        req.params.procedureCode,
        today(),
      );
      if (!version) throw new AppError('PROCEDURE_NOT_AVAILABLE');
      const unknown = [...files.keys()].filter((k) => !version.record.components.some((p) => p.key === k));
      if (unknown.length) throw new AppError('UNKNOWN_COMPONENT', { details: { keys: unknown } });
      return inTransaction(deps, req, ports, async ({ trx, d }) =>
        present(
          trx,
          today(),
          await attachDraftFiles(d, { userId: c.userId, procedureCode: version.record.code, files }),
        ),
      );
    },
  );

  app.delete(
    '/drafts/:procedureCode/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Remove an upload from my draft',
        params: Params.extend({ fileId: z.uuid() }),
        response: { 200: CitizenDraft },
      },
    },
    async (req) => {
      const c = await requireCitizen(req, deps.database.db);
      return inTransaction(deps, req, ports, async ({ trx, d }) =>
        present(
          trx,
          today(),
          await removeDraftFile(d, {
            userId: c.userId,
            procedureCode: req.params.procedureCode,
            fileId: req.params.fileId,
          }),
        ),
      );
    },
  );
};
