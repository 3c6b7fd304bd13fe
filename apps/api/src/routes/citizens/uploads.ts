import { AppError, type DossierFile } from '@mot-cua/core';
import type { FastifyRequest } from 'fastify';
import type { FileStore } from '../../files/file-store.js';
import { storeUploadedPart } from '../../files/uploads.js';

/** A file name as given by a browser, made safe to store and show: no folders, no control characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'"<>:|?*'.includes(ch))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return clean || 'tep-dinh-kem';
}

/**
 * The parts of a citizen's multipart body: files grouped by their field name (a component key), each streamed into
 * the file store and checked by its bytes on the way (PDF, JPEG, PNG; non-empty; ≤ 10 MiB), and the text fields.
 */
export async function readCitizenParts(
  req: FastifyRequest,
  store: FileStore,
): Promise<{ files: Map<string, DossierFile[]>; fields: Record<string, string> }> {
  const files = new Map<string, DossierFile[]>();
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const f = await storeUploadedPart(store, part, cleanFileName(part.filename));
        files.set(part.fieldname, [...(files.get(part.fieldname) ?? []), f]);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('ATTACHMENT_TOO_LARGE');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('VALIDATION_FAILED', { details: { parts: 'too many' } });
    throw e;
  }
  return { files, fields };
}
