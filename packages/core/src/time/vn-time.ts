/** Vietnam time lives in contracts (one module for web, api, core, db and scripts); core re-exports the pure part. */
export { VN_OFFSET_MS, VN_TIME_ZONE, vnDate, vnParts } from '@mot-cua/contracts';
