export { moveFilesOutOfDatabase, sweepOrphanFiles } from './file-maintenance.js';
export type { FileStore, StoredBlob } from './file-store.js';
export { createFsFileStore } from './fs-file-store.js';
export { describeFileStore, openFileStore } from './open-file-store.js';
