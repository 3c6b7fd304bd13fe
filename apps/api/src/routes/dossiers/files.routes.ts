import { DossierDetail } from '@mot-cua/contracts';
import { AppError, attachComponentFiles, authorize, type DossierFile, isAppError, issueResult } from '@mot-cua/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import type { FileStore } from '../../files/file-store.js';
import { imagesToPdf } from '../../files/images-to-pdf.js';
import { readStored, storeBytes, storeUploadedPart } from '../../files/uploads.js';
import { requireActor } from '../../http/auth.js';
import { isSafeText } from '../../http/edge.js';
import { authorizeOnDossier, dossierDeps, resourceFor } from './dossier-deps.js';
import { actOnDossier, presentLoaded, versionOf } from './dossier-view.js';
import { auditDossierRead } from './read-audit.js';
import { sendStored } from './send-stored.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['dossiers'];

/**
 * The files and fields of a multipart body; each file streamed into the file store and checked by its bytes as it
 * arrives (PDF, JPEG, PNG; ≤ 10 MiB). Nothing is written to the database here: the use case links the stored
 * contents in its transaction afterwards, so a refused or failed upload (disk full) leaves no partial dossier.
 */
async function readFiles(
  req: FastifyRequest,
  store: FileStore,
): Promise<{ files: DossierFile[]; fields: Record<string, string> }> {
  const files: DossierFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (!isSafeText(part.filename ?? '')) {
          part.file.resume();
          throw new AppError('INVALID_CHARACTERS');
        }
        files.push(await storeUploadedPart(store, part, part.filename || 'tep-dinh-kem'));
      } else {
        const value = String(part.value);
        if (!isSafeText(part.fieldname) || !isSafeText(value)) throw new AppError('INVALID_CHARACTERS');
        fields[part.fieldname] = value;
      }
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('ATTACHMENT_TOO_LARGE');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('PAYLOAD_TOO_LARGE');
    // Anything else the parser raises (no boundary, a cut-off body, a malformed part header) is the client's form.
    throw new AppError('MULTIPART_MALFORMED');
  }
  return { files, fields };
}

/**
 * Scanned or photographed pages of a component (JPEG, PNG) become one PDF (one page per image); PDFs are kept
 * as they are. The converted file goes through the same checks (type from the bytes, size) as an upload.
 */
async function scansAsPdf(store: FileStore, files: DossierFile[], componentKey: string | null): Promise<DossierFile[]> {
  const images = files.filter((f) => f.mediaType === 'image/jpeg' || f.mediaType === 'image/png');
  if (images.length === 0) return files;
  const name = `${componentKey ?? 'thanh-phan'}-ban-quet.pdf`;
  // The pages are read back one at a time; the stored images themselves stay unlinked (the orphan sweep).
  const pdf = await imagesToPdf(
    images.map((f) => ({ mediaType: f.mediaType, load: () => readStored(store, f.sha256) })),
    name,
  );
  return [...files.filter((f) => !images.includes(f)), await storeBytes(store, pdf, name)];
}

/** Result files, scanned components and downloads. */
export const dossierFileRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.post(
    '/:id/result',
    {
      schema: {
        tags,
        summary: 'Issue the result: upload the digitized result files (multipart, PDF/JPEG/PNG, ≤10 MB each; ≥ 1)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      requireActor(req);
      const { files, fields } = await readFiles(req, deps.files);
      return actOnDossier(deps, req, 'result_issued', (d, actor) =>
        issueResult(d, { dossierId: req.params.id, actor, files, note: fields.note ?? null }),
      );
    },
  );

  app.post(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Attach scanned components to an open dossier (multipart; field componentKey); JPEG/PNG pages are joined into one PDF',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: DossierDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const read = await readFiles(req, deps.files);
      const { fields } = read;
      const files = await scansAsPdf(deps.files, read.files, fields.componentKey ?? null);
      const version = versionOf(req);
      const name = req.session?.user.fullName ?? null;
      return db.transaction().execute(async (trx) => {
        const d = dossierDeps(trx, deps, version, String(req.id));
        const r = await attachComponentFiles(d, {
          dossierId: req.params.id,
          actor: (dossier) => authorizeOnDossier(actor, name, 'dossier.receive', dossier),
          componentKey: fields.componentKey ?? null,
          files,
        });
        return presentLoaded(trx, deps, r, actor, version);
      });
    },
  );

  app.get(
    '/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      const d = dossierDeps(db, deps, versionOf(req));
      const dossier = await d.dossiers.findDossier(req.params.id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
      const via = authorize(actor, 'dossier.read', resourceFor(dossier, 'dossier.read'));
      const f = await d.dossiers.readAttachment(dossier.id, req.params.attachmentId);
      if (!f) throw new AppError('NOT_FOUND');
      await auditDossierRead(db, req, actor, via, dossier, `attachment:${req.params.attachmentId}`);
      return sendStored(reply, deps.files, f);
    },
  );
};
