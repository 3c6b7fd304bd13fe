import type { DossierStatus } from './dossier-state.js';

/** National status codes (TrangThaiHoSo) of the sync to the national portal, domain.md §5. */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const nationalStatusCode: Record<DossierStatus, NationalStatusCode> = {
  new: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

/** Vietnamese names of the national codes, as seeded in provincial systems. */
export const nationalStatusName: Record<NationalStatusCode, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** DVCQG/OpenCPS status strings to national codes; 'interoperating' and 'posting' have none. */
export const dvcqgStatusCode: Record<string, NationalStatusCode | undefined> = {
  receiving: 1,
  new: 2,
  denied: 3,
  processing: 4,
  waiting: 5,
  paying: 6,
  cancelled: 7,
  unresolved: 8,
  releasing: 9,
  done: 10,
  interoperating: undefined,
  posting: undefined,
};
