import {
  AppError,
  importPortalDossier,
  type PortalFile,
  type PortalImportOutcome,
  type PortalReviewReason,
} from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import type { FileStore } from '../files/file-store.js';
import { storeBytes } from '../files/uploads.js';
import { unitIndexOf } from '../routes/admin-units/unit-index-cache.js';
import { dossierDeps } from '../routes/dossiers/dossier-deps.js';
import type { FeedDossier } from './portal-inbound-client.js';

/**
 * Decode, check (type from the bytes, size) and store the files of one portal dossier in the file store, before
 * its transaction; throws the first file's AppError (type not allowed, too large, storage full).
 */
export async function storePortalFiles(store: FileStore, item: FeedDossier): Promise<PortalFile[]> {
  const files: PortalFile[] = [];
  for (const f of item.TepDinhKem ?? []) {
    const c = await storeBytes(store, Buffer.from(f.NoiDung, 'base64'), f.TenTep);
    files.push({
      ...c,
      componentKey: f.MaThanhPhan?.trim() || null,
      ...(f.DuocTaiSuDung ? { reused: true } : {}),
      ...(f.DuocLayTuKhoDMQG ? { fromCitizenStore: true } : {}),
    });
  }
  return files;
}

/**
 * The files of one portal dossier for the importer: a file that fails the checks sends the dossier to review. A
 * full disk is not the portal's problem: it stops the pull (retried).
 */
async function portalFiles(
  store: FileStore,
  item: FeedDossier,
): Promise<{ files: PortalFile[]; problem: PortalReviewReason | null }> {
  try {
    return { files: await storePortalFiles(store, item), problem: null };
  } catch (e) {
    if (e instanceof AppError && e.code !== 'STORAGE_FULL')
      return { files: [], problem: 'ATTACHMENT_TYPE_NOT_ALLOWED' };
    throw e;
  }
}

/** The portal's record kept beside the import: everything but the file contents. */
function recordOf(item: FeedDossier): Record<string, unknown> {
  const { TepDinhKem, ...rest } = item;
  return {
    ...rest,
    TepDinhKem: (TepDinhKem ?? []).map((f) => ({
      TenTep: f.TenTep,
      MaThanhPhan: f.MaThanhPhan ?? '',
      LoaiTep: f.LoaiTep,
      DuocTaiSuDung: f.DuocTaiSuDung ?? false,
      DuocLayTuKhoDMQG: f.DuocLayTuKhoDMQG ?? false,
    })),
  };
}

/**
 * One online dossier from the portal (pulled from the feed, or pushed to the webhook), imported in its own
 * transaction; `source` names the pull's cursor moved in that transaction (null for a push). The address
 * conversion (old commune codes) is read before the transaction: on PGlite's single connection a read on the
 * root handle inside it would wait for ever.
 */
export async function importFeedDossier(
  deps: AppDeps,
  item: FeedDossier,
  source: string | null,
): Promise<PortalImportOutcome> {
  const { files, problem } = await portalFiles(deps.files, item);
  const { converter } = await unitIndexOf(deps.database);
  return deps.database.db.transaction().execute(async (trx) => {
    const d = dossierDeps(trx, deps, undefined, `portal-import:${item.MaHoSoQG}`);
    return importPortalDossier(
      { ...d, imports: createPortalImportsRepository(trx), audit: d.audit!, oldUnitCodes: converter },
      { source, item, files, fileProblem: problem, record: recordOf(item) },
    );
  });
}
