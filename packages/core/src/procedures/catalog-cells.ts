/** The crawl record and its cells: what every part of the catalog parser reads first. */

/** One record of the national portal crawl (data/procedures/raw/<agency>/<code>.json), flattened cells. */
export type RawProcedureRecord = {
  ma_thu_tuc: string;
  detail_url: string;
  ten_thu_tuc: string;
  so_quyet_dinh: string;
  cap_thuc_hien: string;
  loai_thu_tuc: string;
  linh_vuc: string;
  doi_tuong_thuc_hien: string;
  co_quan_co_tham_quyen: string;
  dia_chi_tiep_nhan: string;
  co_quan_duoc_uy_quyen: string;
  co_quan_phoi_hop: string;
  thu_tuc_lien_quan: string;
  trinh_tu_thuc_hien: string;
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  can_cu_phap_ly: string;
  /** The whole page as text (searched for the decision's date). */
  raw_text?: string;
  co_quan_thuc_hien: string;
  yeu_cau_dieu_kien: string;
  ket_qua_xu_ly: string;
  [k: string]: unknown;
};

/** Ministry names of the crawl folders (and of the curated ones). */
export const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'bo-cong-an': 'Bộ Công an',
  'bo-nong-nghiep-mt': 'Bộ Nông nghiệp và Môi trường',
  'bo-tai-chinh': 'Bộ Tài chính',
  'bo-tu-phap': 'Bộ Tư pháp',
  'bo-xay-dung': 'Bộ Xây dựng',
  'ngan-hang-nha-nuoc': 'Ngân hàng Nhà nước Việt Nam',
  'toa-an-nhan-dan': 'Tòa án nhân dân',
  'bo-y-te': 'Bộ Y tế',
  'bo-giao-duc-dt': 'Bộ Giáo dục và Đào tạo',
  'bo-noi-vu': 'Bộ Nội vụ',
  'bo-cong-thuong': 'Bộ Công Thương',
  'bo-van-hoa-tt-dl': 'Bộ Văn hóa, Thể thao và Du lịch',
};

export const NO_INFO = 'Không có thông tin';

/** Trim, collapse spaces; "Không có thông tin" and empty cells become null. */
export function cleanCell(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
  if (t === '' || t === NO_INFO) return null;
  return t;
}

/** Split on commas that are not inside brackets: "Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân". */
export function splitTopLevel(s: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
