import { join } from 'node:path';
import type { Config } from '@mot-cua/config';
import type { FileStore } from './file-store.js';
import { createFsFileStore } from './fs-file-store.js';
import { createS3FileStore } from './s3-file-store.js';

/** The file store the configuration names: DATA_DIR/files (default) or an S3-compatible bucket. */
export function openFileStore(config: Pick<Config, 'dataDir' | 'files'>): FileStore {
  const root = join(config.dataDir, 'files');
  const f = config.files;
  return f.store === 's3' ? createS3FileStore(f, join(root, 'tmp')) : createFsFileStore(root);
}

/** Where the store is, for the start-up log (never a secret). */
export function describeFileStore(config: Pick<Config, 'dataDir' | 'files'>): string {
  const f = config.files;
  return f.store === 's3'
    ? `S3 bucket ${f.bucket}${f.prefix ? ` (prefix ${f.prefix})` : ''}${f.endpoint ? ` at ${f.endpoint}` : ''}`
    : `files under ${join(config.dataDir, 'files')}`;
}
