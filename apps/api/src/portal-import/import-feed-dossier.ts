import {
  AppError,
  importPortalDossier,
  type PortalFile,
  type PortalImportOutcome,
  type PortalReviewReason,
} from '@mot-cua/core';
import { createPortalImportsRepository } from '@mot-cua/db';
import type { AppDeps } from '../context.js';
import { unitIndexOf } from '../routes/admin-units/unit-index-cache.js';
import { checkedFile, dossierDeps } from '../routes/dossiers/dossier-deps.js';
import type { FeedDossier } from './portal-inbound-client.js';

/** Decode and check the files of one portal dossier (type from the bytes, size); the first problem found. */
function portalFiles(item: FeedDossier): { files: PortalFile[]; problem: PortalReviewReason | null } {
  const files: PortalFile[] = [];
  for (const f of item.TepDinhKem ?? []) {
    try {
      const c = checkedFile(Buffer.from(f.NoiDung, 'base64'));
      files.push({
        ...c,
        fileName: f.TenTep,
        componentKey: f.MaThanhPhan?.trim() || null,
        ...(f.DuocTaiSuDung ? { reused: true } : {}),
        ...(f.DuocLayTuKhoDMQG ? { fromCitizenStore: true } : {}),
      });
    } catch (e) {
      if (e instanceof AppError) return { files: [], problem: 'ATTACHMENT_TYPE_NOT_ALLOWED' };
      throw e;
    }
  }
  return { files, problem: null };
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
  const { files, problem } = portalFiles(item);
  const { converter } = await unitIndexOf(deps.database);
  return deps.database.db.transaction().execute(async (trx) => {
    const d = dossierDeps(trx, deps, undefined, `portal-import:${item.MaHoSoQG}`);
    return importPortalDossier(
      { ...d, imports: createPortalImportsRepository(trx), audit: d.audit!, oldUnitCodes: converter },
      { source, item, files, fileProblem: problem, record: recordOf(item) },
    );
  });
}
