import { AppError } from '@mot-cua/core';
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../files/file-store.js';

/**
 * Answer with a stored content as a stream (never read whole): its type, length, name and its sha256 as the
 * ETag. A row whose content the store does not hold is 500 STORED_FILE_MISSING (a store restored without its
 * files, a content deleted by hand), logged with the request id.
 */
export async function sendStored(
  reply: FastifyReply,
  store: FileStore,
  f: { fileName: string; mediaType: string; sha256: string },
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const opened = await store.open(f.sha256);
  if (!opened) throw new AppError('STORED_FILE_MISSING', { details: { sha256: f.sha256 } });
  return reply
    .type(f.mediaType)
    .header('content-length', String(opened.sizeBytes))
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('etag', `"${f.sha256}"`)
    .send(opened.stream);
}
