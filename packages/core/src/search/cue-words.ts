/**
 * The word lists cues are read from (query-cues.ts), as folded tokens: how a question says an intent, a subject or
 * a level, and how a procedure's name says it. Sources: the catalog's own naming of procedure variants (Decision
 * 1085/QĐ-TTg: "cấp lại", "cấp đổi", "gia hạn", "điều chỉnh", "có yếu tố nước ngoài", "lưu động", "khu vực biên
 * giới"), the Construction Law and Decree 06/2021 for a work's grade, Decree 45/2020 for the online channel, and
 * everyday usage.
 */

export type IntentCue =
  | 'first'
  | 'reissue'
  | 'exchange'
  | 'extension'
  | 'change'
  | 'cancellation'
  | 'confirmation'
  | 'withdrawal'
  | 'lock'
  | 'unlock'
  | 'conversion';
export type SubjectCue =
  | 'foreign'
  | 'organisation'
  | 'child'
  | 'elderly'
  | 'border'
  | 'mobile'
  | 'ethnic'
  | 'gradeHigh'
  | 'gradeLow'
  | 'household'
  | 'enterprise'
  | 'cooperative'
  | 'online'
  | 'inPerson';
export type Cues = { intents: Set<IntentCue>; subjects: Set<SubjectCue> };
export type QueryCues = Cues & {
  /** Folded words the question says do not apply, each with its neighbour when they form a pair. */
  negated: string[];
  /** The question's words that mark each cue: a procedure with that cue accounts for them. */
  words: Map<IntentCue | SubjectCue, Set<string>>;
};

export type Pattern = { words: string[]; not?: { before?: string[]; after?: string[] } };
export const p = (s: string, not?: Pattern['not']): Pattern => ({ words: s.split(' '), ...(not ? { not } : {}) });
/** Kin who may have died ("bố mất"); grandparents by their two words ("nước ngoài mất thẻ" is a lost card). */
const KIN = [
  ...['bo', 'me', 'ba', 'ma', 'cha', 'ong', 'cu', 'chong', 'vo', 'anh', 'chi', 'em', 'con'],
  ...['ong noi', 'ba noi', 'ong ngoai', 'ba ngoai'],
];

/** How a question says it. */
export const QUERY_INTENTS: Record<IntentCue, Pattern[]> = {
  first: [p('lan dau'), p('chua co'), p('cap moi'), p('moi thanh lap'), p('thanh lap'), p('mo moi')],
  reissue: [
    p('cap lai'),
    p('lam lai'),
    p('xin lai'),
    p('dang ky lai'),
    p('cong bo lai'),
    p('bi mat'),
    p('lam mat'),
    p('danh mat'),
    p('that lac'),
    p('mat', { before: [...KIN, 'da', 'moi', 'vua', 'nguoi'], after: ['roi', 'nam', 'hom', 'tich', 'o'] }),
    p('bi chay'),
  ],
  exchange: [
    ...[p('cap doi'), p('doi sang'), p('doi lai'), p('rach'), p('bi hong'), p('hu hong'), p('doi moi'), p('nhoe')],
    // "đổi giấy / thẻ / sổ / bằng": an exchange of the document ("thay đổi giấy…", "chuyển đổi…" are not)
    ...['giay', 'the', 'so', 'bang'].map((w) => p(`doi ${w}`, { before: ['thay', 'chuyen', 'bien', 'trao'] })),
  ],
  extension: [p('gia han'), p('het han'), p('keo dai'), p('chua khoi cong'), p('them thoi gian'), p('dung tiep')],
  change: [
    p('thay doi'),
    p('dieu chinh'),
    p('sua', { after: ['chua'] }), // "sửa chữa" is a repair, not a correction
    p('cai chinh'),
    p('dinh chinh'),
    p('ghi sai'),
    p('bi sai'),
    p('doi ten'),
    p('doi dia chi'),
    p('doi nguoi'),
    p('bo sung'),
  ],
  cancellation: [
    p('xoa'),
    p('huy', { after: ['dong', 'chuong', 'hieu'] }),
    p('cham dut', { before: ['dung'] }),
    p('giai the', { before: ['dung'] }),
    p('dong cua'),
    p('thu hoi'),
    p('xin dung', { after: ['thu', 'thuc', 'giai', 'lam'] }),
    p('rut', { after: ['bao', 'bhxh', 'tien', 'so', 'ngan', 'ho', 'lai'] }),
    p('giai tan'),
    p('cat khau'),
    p('cat ho khau'),
    p('tam ngung'),
  ],
  confirmation: [p('xac nhan')],
  // Stopping one's own application in progress (the catalog's "Dừng thực hiện thủ tục…"), not closing the business.
  // ("giải thể" is read as "chấm dứt hoạt động" by synonyms.ts, so "dừng giải thể" arrives as "dừng chấm dứt")
  withdrawal: [
    ...[p('dung thu tuc'), p('dung thuc hien'), p('dung giai the'), p('dung cham dut'), p('dung lam thu tuc')],
    p('rut ho so'),
  ],
  // Locking / unlocking an e-identity or account (Decree 69/2024: "khóa", "mở khóa" căn cước điện tử).
  lock: [p('khoa', { before: ['mo', 'ma'], after: ['hoc', 'dao', 'luan', 'so'] }), p('tam khoa')],
  unlock: [p('mo khoa'), p('mo lai tai khoan')],
  // read by conversion.ts (asksConversion): "chuyển X thành / sang Y", "chuyển đổi …"
  conversion: [],
};

/** How a procedure's name says it. */
export const NAME_INTENTS: Record<IntentCue, Pattern[]> = {
  first: [p('lan dau'), p('cap moi'), p('thanh lap')],
  reissue: [p('cap lai'), p('bi mat'), p('do bi mat'), p('trinh bao mat'), p('dang ky lai'), p('cong bo lai')],
  exchange: [p('cap doi'), p('doi the'), p('doi giay'), p('doi chung nhan')],
  extension: [p('gia han')],
  change: [
    p('thay doi'),
    p('dieu chinh'),
    p('cai chinh'),
    p('dinh chinh'),
    p('sua loi'),
    p('sua doi'),
    p('bo sung'),
    p('doi ten'),
  ],
  cancellation: [p('xoa'), p('huy'), p('cham dut'), p('giai the'), p('thu hoi'), p('tam ngung')],
  confirmation: [p('xac nhan')],
  withdrawal: [p('dung thuc hien')],
  lock: [p('khoa can cuoc', { before: ['mo'] }), p('khoa tai khoan', { before: ['mo'] })],
  unlock: [p('mo khoa')],
  // read by conversion.ts (namesConversion): a name beginning "Chuyển đổi", or "chuyển đổi X thành Y"
  conversion: [],
};

const NATIONS = [
  'phap',
  'my',
  'han',
  'han quoc',
  'nhat',
  'nhat ban',
  'trung quoc',
  'dai loan',
  'lao',
  'campuchia',
  'thai',
  'thai lan',
  'uc',
  'duc',
  'nga',
  'hoa ky',
  'canada',
  'singapore',
];
const FOREIGN_QUERY: Pattern[] = [
  p('nuoc ngoai'),
  p('viet kieu'),
  p('con lai'),
  p('quoc tich nuoc ngoai'),
  p('khong quoc tich'),
  ...NATIONS.flatMap((n) =>
    ['nguoi', 'o', 'ben', 'sang', 'tai', 'quoc tich'].map((w) => p(`${w} ${n}`, { after: ['dong', 'lanh'] })),
  ),
];
/** A work's grade, in Roman or Arabic numerals ("trợ cấp 1 lần" is no grade). */
const grade = (...ns: string[]) => ns.map((n) => p(`cap ${n}`, { before: ['tro', 'phu'], after: ['lan', 'thang'] }));
const GRADE_HIGH: Pattern[] = [p('cap dac biet'), ...grade('i', 'ii', '1', '2')];
const GRADE_LOW: Pattern[] = grade('iii', 'iv', '3', '4');
export const QUERY_SUBJECTS: Record<SubjectCue, Pattern[]> = {
  foreign: FOREIGN_QUERY,
  organisation: [p('cong ty'), p('doanh nghiep'), p('co quan'), p('to chuc kinh te'), p('hop tac xa')],
  child: [p('con'), p('be'), p('tre'), p('tre em'), p('chau be'), p('em be')],
  elderly: [
    p('cao tuoi'),
    p('gia yeu'),
    p('tuoi gia'),
    p('ba cu'),
    p('ong cu'),
    p('cu gia'),
    p('khong co luong huu'),
    p('hong co luong huu'),
  ],
  border: [p('bien gioi'), p('giap bien'), p('sat bien')],
  mobile: [
    ...[p('luu dong'), p('xuong tan'), p('tai nha'), p('den nha'), p('khong di duoc'), p('khong the di')],
    // an official coming over ("cán bộ xuống làm", "xuống nhà"); not "nhà xuống cấp"
    ...[p('can bo xuong'), p('xuong nha'), p('ve tan')],
  ],
  ethnic: [p('dan toc'), p('vung sau'), p('vung cao'), p('ban lang'), p('xuong tan ban')],
  gradeHigh: GRADE_HIGH,
  gradeLow: GRADE_LOW,
  household: [p('ho kinh doanh'), p('ho gia dinh'), p('ca nhan'), p('mo tiem'), p('mo quan'), p('buon ban nho')],
  // The kind of business the question is about (Enterprise Law 2020, Law on Cooperatives 2023): an enterprise, a
  // cooperative or cooperative group, or (above) a household business.
  enterprise: [p('cong ty'), p('doanh nghiep')],
  cooperative: [p('hop tac xa'), p('to hop tac')],
  online: [
    ...[p('tren mang'), p('qua mang'), p('online'), p('truc tuyen'), p('qua dich vu cong'), p('qua cong dich vu')],
    ...[p('tai khoan dinh danh dien tu'), p('qua ung dung'), p('qua app')],
  ],
  inPerson: [p('truc tiep'), p('den noi'), p('mang ho so den'), p('nop giay')],
};
export const NAME_SUBJECTS: Record<SubjectCue, Pattern[]> = {
  foreign: [
    p('yeu to nuoc ngoai'),
    p('nguoi nuoc ngoai'),
    p('cong dan nuoc ngoai'),
    p('tre em nuoc ngoai'),
    p('nha dau tu nuoc ngoai'),
    p('o nuoc ngoai'),
    p('tai nuoc ngoai'),
    p('khong quoc tich'),
    p('nuoc lang gieng'),
    // naturalisation is asked by a foreigner ("chồng tôi người Mỹ muốn nhập quốc tịch")
    p('nhap quoc tich'),
  ],
  organisation: [p('doi voi to chuc'), p('cho to chuc'), p('to chuc kinh te'), p('doanh nghiep')],
  child: [p('tre em'), p('duoi 6 tuoi'), p('khai sinh')],
  elderly: [p('cao tuoi'), p('bao tro xa hoi'), p('tro cap xa hoi')],
  border: [p('khu vuc bien gioi'), p('bien gioi')],
  mobile: [p('luu dong')],
  ethnic: [p('dan toc thieu so'), p('dong bao')],
  gradeHigh: GRADE_HIGH,
  gradeLow: GRADE_LOW,
  household: [p('ho kinh doanh'), p('ho gia dinh'), p('ca nhan')],
  enterprise: [p('doanh nghiep'), p('cong ty')],
  cooperative: [p('hop tac xa'), p('to hop tac')],
  // Decree 45/2020 and the catalog's paired procedures: "trực tuyến toàn trình" vs "một phần hoặc trực tiếp".
  online: [p('truc tuyen toan trinh'), p('qua trang thong tin dien tu')],
  inPerson: [p('mot phan hoac truc tiep'), p('truc tiep tai')],
};

/** "chưa" is left out: it mostly marks a state ("chưa có sổ", "chưa khởi công"), not an exclusion. */
export const NEGATORS = new Set(['khong', 'hong', 'ko', 'k', 'chang']);
/** Words between a negator and what it negates ("không [có|để lại] di chúc"). */
export const NEGATION_GLUE = new Set(['co', 'de', 'lai', 'duoc', 'phai', 'he', 'tung', 'muon', 'can', 'bi', 'lam']);
/** After these the negation is a cue, not an exclusion ("không đi được" = lưu động, "không còn giấy" = lost). */
export const CUE_NEGATIONS = ['khong di', 'khong the', 'khong con', 'khong biet'];
/**
 * "không" that begins a term of the catalog's names, not an exclusion: the pairs that start more than one
 * procedure name ("không quốc tịch", "không đấu giá", "không cư trú", "không thuộc diện"…, listed from the catalog).
 * A question saying "người không quốc tịch" asks about stateless persons.
 */
export const TERM_NEGATIONS = [
  ...['khong quoc', 'khong cu', 'khong dau', 'khong hoan', 'khong phat', 'khong lien', 'khong theo'],
  ...['khong thuoc', 'khong vi', 'khong thong', 'khong bang'],
];
/** Words between "không" and a term ("không qua đấu giá"). */
export const TERM_GLUE = new Set(['qua']);

/** The level a question names: the province's bodies ("UBND tỉnh", "Sở Tư pháp", "cấp tỉnh") or the commune's. */
export type LevelCue = 'province' | 'commune';
const DEPARTMENTS = ['tu phap', 'xay dung', 'noi vu', 'y te', 'tai chinh', 'cong thuong', 'nong nghiep', 'giao duc'];
export const LEVEL_WORDS: Record<LevelCue, Pattern[]> = {
  province: [
    ...['cap tinh', 'ubnd tinh', 'uy ban tinh', 'uy ban nhan dan tinh', 'chu tich tinh', 'hdnd tinh'].map((w) => p(w)),
    ...['hoi dong nhan dan tinh', 'cong an tinh', 'len tinh', 'o tinh lam', 'tai tinh'].map((w) => p(w)),
    ...DEPARTMENTS.map((d) => p(`so ${d}`)),
  ],
  commune: [
    ...['cap xa', 'ubnd xa', 'uy ban xa', 'uy ban nhan dan xa', 'chu tich xa', 'ubnd phuong'].map((w) => p(w)),
    ...['uy ban phuong', 'cong an xa', 'cong an phuong', 'ra xa', 'len xa', 'tai xa', 'tai phuong'].map((w) => p(w)),
  ],
};
