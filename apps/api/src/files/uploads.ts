import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { DossierFile } from '@mot-cua/core';
import { MAX_ATTACHMENT_BYTES, sniffMediaType } from '../routes/dossiers/dossier-deps.js';
import type { FileStore, PutRules } from './file-store.js';

/** What an attachment may be: PDF, PNG or JPEG by its first bytes, non-empty, at most 10 MiB. */
export const ATTACHMENT_RULES: PutRules = { maxBytes: MAX_ATTACHMENT_BYTES, sniff: sniffMediaType };

/**
 * Stream one uploaded part into the store (never buffered whole): checked, hashed and written as it arrives.
 * When it is refused midway, the rest of the part is drained so the form's other parts can be read or dropped.
 */
export async function storeUploadedPart(store: FileStore, part: MultipartFile, fileName: string): Promise<DossierFile> {
  try {
    const blob = await store.put(part.file, ATTACHMENT_RULES);
    return { ...blob, fileName };
  } catch (e) {
    part.file.resume();
    throw e;
  }
}

/** Store bytes already in memory (a PDF made from scans, a file decoded from the portal's feed). */
export async function storeBytes(store: FileStore, bytes: Uint8Array, fileName: string): Promise<DossierFile> {
  const blob = await store.put(Readable.from([Buffer.from(bytes)]), ATTACHMENT_RULES);
  return { ...blob, fileName };
}

/** Read a stored content back whole (for the few that are small and must be transformed: scanned pages). */
export async function readStored(store: FileStore, sha256: string): Promise<Buffer> {
  const f = await store.open(sha256);
  if (!f) throw new Error(`stored content ${sha256} is missing`);
  const chunks: Buffer[] = [];
  for await (const c of f.stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}
