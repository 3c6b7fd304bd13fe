import type {
  CatalogProcedure,
  ChannelKind,
  LegalDocument,
  OnlineServiceLevel,
  ProcedureChannel,
  ProcedureComponent,
  ProcedureDuration,
  ProcedureFee,
  ProcedureLevel,
  ProcedureResult,
  ReviewNote,
} from '@mot-cua/contracts';

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

const NO_INFO = 'Không có thông tin';

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

const LEVELS: Record<string, ProcedureLevel> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};

export function parseLevels(s: string): { levels: ProcedureLevel[]; unknown: string[] } {
  const levels: ProcedureLevel[] = [];
  const unknown: string[] = [];
  for (const part of s.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const l = LEVELS[p.toLowerCase()];
    if (l && !levels.includes(l)) levels.push(l);
    else if (!l) unknown.push(p);
  }
  return { levels, unknown };
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

// ------------------------------------------------------------------ channels

const CHANNEL_NAMES: ReadonlyArray<[string, ChannelKind]> = [
  ['Trực tiếp', 'in_person'],
  ['Trực tuyến', 'online'],
  ['Dịch vụ bưu chính', 'postal'],
];
const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
// A row starts with a channel name glued to its time cell (a number, or a "Không…" phrase).
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không)/g;
const TIME_CELL =
  /^(?:(\d+(?:[.,]\d+)?) ?(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút)?|(Không có thông tin)|(Không quy định|Không phải trả kết quả[^A-ZĐ\d]*?(?=Miễn phí|Không có thông tin|\d)))/u;

const GLUED_TIME_FEE = /^(\d)(?=\d[\d.,]* ?(?:Việt Nam Đồng|VNĐ|VND|Đồng|USD))/u;

/** Map a portal time cell to a calendar Duration. "Ngày" (no "làm việc") means calendar days in law. */
export function parseDurationCell(value: string | undefined, unit: string | undefined): ProcedureDuration | null {
  if (value === undefined) return null;
  const v = Number(value.replace(',', '.'));
  if (!Number.isFinite(v)) return null;
  switch (unit) {
    case 'Ngày làm việc':
      return { value: v, unit: 'working_days' };
    case 'Ngày':
      return { value: v, unit: 'calendar_days' };
    case 'Giờ':
    case 'Giờ làm việc':
      return { value: v, unit: 'working_hours' };
    case 'Tuần':
      return { value: v * 7, unit: 'calendar_days' };
    default:
      return null; // bare number, months, years, minutes: keep as text
  }
}

/** Read one balanced "( … )" group starting at s[i] === '('; returns the inner text and the index after it. */
function readBracket(s: string, i: number): { inner: string; end: number } {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(') depth++;
    else if (s[j] === ')') {
      depth--;
      if (depth === 0) return { inner: s.slice(i + 1, j), end: j + 1 };
    }
  }
  return { inner: s.slice(i + 1), end: s.length };
}

const COUNCIL = /Hội đồng nhân dân (cấp )?tỉnh|HĐND (cấp )?tỉnh|thẩm quyền quyết định của Hội đồng nhân dân/i;
const AMOUNT = /^(\d[\d.,]*) ?(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)/u;

/** Fee cells of one channel row, then whatever follows (the description cell). */
export function parseFees(s: string): { fees: ProcedureFee[]; rest: string } {
  const fees: ProcedureFee[] = [];
  let i = 0;
  for (;;) {
    const tail = s.slice(i);
    const m = tail.match(AMOUNT);
    let fee: ProcedureFee | null = null;
    if (tail.startsWith('Miễn phí')) {
      fee = { kind: 'free', amount: 0, currency: 'VND', note: null, setByProvincialCouncil: false };
      i += 'Miễn phí'.length;
    } else if (tail.startsWith(NO_INFO) && fees.length === 0) {
      fee = { kind: 'unknown', amount: null, currency: null, note: null, setByProvincialCouncil: false };
      i += NO_INFO.length;
    } else if (m) {
      const currency = m[2] === 'USD' ? 'USD' : 'VND';
      const digits = m[1]!.replace(/[.,](?=\d{3}(\D|$))/g, '');
      const amount = Number(digits.replace(',', '.'));
      fee = {
        kind: Number.isFinite(amount) ? 'amount' : 'rule',
        amount: Number.isFinite(amount) ? amount : null,
        currency,
        note: null,
        setByProvincialCouncil: false,
      };
      i += m[0].length;
    }
    if (!fee) break;
    if (s[i] === '(') {
      const b = readBracket(s, i);
      fee.note = cleanCell(b.inner);
      i = b.end;
    }
    if (fee.note && COUNCIL.test(fee.note)) fee.setByProvincialCouncil = true;
    fees.push(fee);
  }
  return { fees, rest: s.slice(i) };
}

export function parseChannels(text: string): { channels: ProcedureChannel[]; review: string | null } {
  const src = (cleanCell(text) ?? '').replace(CHANNEL_HEADER, '');
  if (!src) return { channels: [], review: null };
  const starts = [...src.matchAll(ROW_START)].map((m) => m.index!);
  if (starts.length === 0) return { channels: [], review: src };
  const channels: ProcedureChannel[] = [];
  const lead = src.slice(0, starts[0]).trim();
  for (let k = 0; k < starts.length; k++) {
    const row = src.slice(starts[k], starts[k + 1] ?? src.length);
    const entry = CHANNEL_NAMES.find(([n]) => row.startsWith(n))!;
    let body = row.slice(entry[0].length);
    // A unit-less time glued to the fee: "Trực tuyến120,000 VNĐ" is time "1" and fee "20,000".
    const glued = body.match(GLUED_TIME_FEE);
    const t = glued ? null : body.match(TIME_CELL);
    let duration: ProcedureDuration | null = null;
    let durationText = '';
    let needsReview = false;
    if (glued) {
      durationText = glued[1]!;
      needsReview = true;
      body = body.slice(1);
    } else if (t) {
      durationText = t[0].trim();
      if (t[4]) duration = { value: 0, unit: 'none' };
      else if (t[3]) needsReview = true;
      else {
        duration = parseDurationCell(t[1], t[2]);
        if (!duration) needsReview = true;
      }
      body = body.slice(t[0].length);
    } else needsReview = true;
    const { fees, rest } = parseFees(body);
    if (fees.length === 0 || fees.some((f) => f.kind === 'unknown')) needsReview = true;
    // "20 VNĐ" beside a note saying "20.000 đồng": the portal's amount is implausible, a person must check
    if (fees.some((f) => f.kind === 'amount' && f.currency === 'VND' && f.amount !== null && f.amount < 1000))
      needsReview = true;
    channels.push({
      kind: entry[1],
      duration,
      durationText,
      fees,
      description: cleanCell(rest.replace(/^[\s\-+:.]+/, '')),
      needsReview,
    });
  }
  return { channels, review: lead ? lead : null };
}

const UNIT_RANK: Record<string, number> = { working_hours: 1 / 8, working_days: 1, calendar_days: 5 / 7, none: 0 };

/** The legal limit used for deadlines: in-person channel's when known, else the longest known. */
export function pickTimeLimit(channels: ReadonlyArray<ProcedureChannel>): ProcedureDuration | null {
  const inPerson = channels.find((c) => c.kind === 'in_person' && c.duration);
  if (inPerson?.duration) return inPerson.duration;
  let best: ProcedureDuration | null = null;
  for (const c of channels) {
    if (!c.duration) continue;
    if (!best || c.duration.value * UNIT_RANK[c.duration.unit]! > best.value * UNIT_RANK[best.unit]!) best = c.duration;
  }
  return best;
}

// ---------------------------------------------------------------- components

const COMPONENT_HEADER = /Tên giấy tờMẫu đơn, tờ khaiSố lượng/g;
const QUANTITY = /(\d+) bản (chính|sao)(?:,\s*(\d+) bản (chính|sao))?/g;
const FORM_FILE = /\.(docx?|pdf|xlsx?|rtf|odt|zip|rar|png|jpe?g)$/i;
const CONDITIONAL =
  /^(\(?[ivx]+\)\s*)?(trường hợp|đối với|nếu|khi |riêng|ngoài ra)|\(nếu có\)|trong trường hợp|nếu có\b/i;
const LU = /\p{Lu}|\d/u;
const LL = /[\p{Ll};).,:]/u;

/** A form file name glued to the end of a name cell: "…theo mẫuMẫu số 04.docx" → ["…theo mẫu", "Mẫu số 04.docx"]. */
export function splitFormFile(cell: string): { name: string; form: string | null } {
  const s = cell.trim();
  if (!FORM_FILE.test(s)) return { name: s, form: null };
  // The file name starts at the last place where a lower-case letter or ; ) . is glued to an upper-case
  // letter or digit (cells are concatenated without a separator).
  let cut = -1;
  for (let i = s.length - 6; i > 0; i--) {
    if (LU.test(s[i]!) && LL.test(s[i - 1]!)) {
      // digits inside a date or number ("01/2025", "số 04") are not a cell boundary
      if (/\d/.test(s[i]!) && /[\d./]/.test(s[i - 1]!)) continue;
      cut = i;
      break;
    }
  }
  if (cut <= 0) return { name: s, form: null };
  // a camel-cased ASCII file name ("MunnghChpthun.docx") has several transitions in one space-free token:
  // the file name starts at the first of them
  const tokenStart = s.lastIndexOf(' ', cut) + 1;
  for (let i = tokenStart + 1; i < cut; i++) {
    if (LU.test(s[i]!) && /\p{Ll}/u.test(s[i - 1]!) && !/\d/.test(s[i]!)) {
      cut = i;
      break;
    }
  }
  return { name: s.slice(0, cut).trim(), form: s.slice(cut).trim() };
}

/** The count glued after a name cell: "…ngày 12/12/20251 bản chính" → 1 (a year is not a count). */
function count(digits: string, before: string): number {
  if (digits.length === 1) return Number(digits);
  if (/[\p{L}\s]$/u.test(before) || before === '') {
    // "… 2 bản" reads as is unless the digit run is glued to a form number like "Mẫu 011"
    if (digits.length === 2 && !digits.startsWith('0')) return Number(digits);
  }
  return Number(digits.slice(-1));
}

function cleanName(s: string): string {
  return s
    .replace(/^[\s\-–+•*]+/, '')
    .replace(/[\s;:,]+$/, '')
    .trim();
}

export function parseComponents(text: string): {
  components: ProcedureComponent[];
  notes: string[];
  review: string | null;
} {
  const src = cleanCell(text);
  if (!src) return { components: [], notes: [], review: null };
  const components: ProcedureComponent[] = [];
  const notes: string[] = [];
  let group: string | null = null;
  let presentOnly = false;
  let last = 0;
  for (const m of src.matchAll(QUANTITY)) {
    let cell = src.slice(last, m.index);
    last = m.index! + m[0].length;
    // A table header inside the cell closes a group heading: "<heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<row>"
    const parts = cell.split(COMPONENT_HEADER);
    if (parts.length > 1) {
      const heading = cleanName(parts[parts.length - 2]!.replace(/^-+/, ''));
      group = heading ? heading.replace(/^\*\s*/, '').replace(/:$/, '') : group;
      presentOnly = /xuất trình/i.test(heading);
      cell = parts[parts.length - 1]!;
    }
    // the digits of the quantity may be glued to the end of the cell ("…năm 20251 bản chính")
    const runMatch = cell.match(/(\d*)$/);
    const prefixDigits = runMatch?.[1] ?? '';
    const firstDigits = prefixDigits + m[1]!;
    const before = cell.slice(0, cell.length - prefixDigits.length);
    const n1 = count(firstDigits, before);
    const kept = before + firstDigits.slice(0, firstDigits.length - String(n1).length);
    let originals = 0;
    let copies = 0;
    if (m[2] === 'chính') originals = n1;
    else copies = n1;
    if (m[3] !== undefined) {
      if (m[4] === 'chính') originals += Number(m[3]);
      else copies += Number(m[3]);
    }
    const { name: rawName, form } = splitFormFile(kept);
    const name = cleanName(rawName);
    if (!name) continue;
    if (originals === 0 && copies === 0) {
      notes.push(name);
      continue;
    }
    components.push({
      key: `c${String(components.length + 1).padStart(2, '0')}`,
      group,
      name,
      originals,
      copies,
      forms: form ? [form] : [],
      conditional: CONDITIONAL.test(name),
      presentOnly,
      needsReview: name.length > 1500,
    });
  }
  const tail = cleanName(src.slice(last).split(COMPONENT_HEADER).join(' '));
  return { components, notes, review: tail.length > 0 ? tail : null };
}

// ---------------------------------------------------------------- legal basis

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
// A document number at the end of a row, directly followed by the next title (Capitalised word) or the end.
const DOC_NUMBER = /(\d+(?:\.\d+)?\/(?:\d{4}\/)?[\p{Lu}Đ][\p{Lu}Đ\d-]*?)(?=\p{Lu}\p{Ll}|\s*$)/gu;

export function parseLegalBasis(text: string): { documents: LegalDocument[]; review: string | null } {
  const src = (cleanCell(text) ?? '').replace(LEGAL_HEADER, '');
  if (!src) return { documents: [], review: null };
  const documents: LegalDocument[] = [];
  let last = 0;
  for (const m of src.matchAll(DOC_NUMBER)) {
    let start = m.index!;
    let number = m[1]!;
    // a title ending in a year glued to the number: "Luật Cư trú 202068/2020/QH14"
    const glued = number.match(/^((?:19|20)\d\d)(\d+(?:\.\d+)?\/)/);
    if (glued) {
      start += 4;
      number = number.slice(4);
    }
    const title = src.slice(last, start).trim();
    last = m.index! + m[0].length;
    documents.push({ number, title: title || number });
  }
  const tail = src.slice(last).trim();
  if (tail) documents.push({ number: null, title: tail });
  return { documents, review: tail && documents.length === 1 ? tail : null };
}

// ---------------------------------------------------------------- results

export function parseResults(text: string): { results: ProcedureResult[]; review: string | null } {
  let src = cleanCell(text) ?? '';
  const cut = src.indexOf('Từ khóa');
  if (cut >= 0) src = src.slice(0, cut);
  src = src.trim();
  if (!src || src === NO_INFO) return { results: [], review: null };
  const results: ProcedureResult[] = [];
  let last = 0;
  for (const m of src.matchAll(/Mã: ?([A-Z0-9][A-Z0-9.]*\d)/g)) {
    const name = src.slice(last, m.index).trim();
    last = m.index! + m[0].length;
    if (name) results.push({ name, code: m[1]! });
  }
  const tail = src.slice(last).trim();
  if (tail) results.push({ name: tail, code: null });
  return { results, review: results.length === 0 ? src : null };
}

// ---------------------------------------------------------------- steps

/** A line that opens a new step or item: a bullet, "(i)", "a)", "1.", "Bước 1". */
const STEP_START = /^(?:[-+•*–]|\(?[ivx]+\)|\(?[a-zđ]\)|\d+[.)]|bước\s+\d|lưu ý|ghi chú|trường hợp)/iu;

/**
 * Steps as paragraphs. The crawl breaks lines in the middle of sentences (its two-column layout wraps "…tại
 * Trung ⏎ tâm…"): a line that does not open a new item and follows one not ending a sentence continues it, so
 * the two are joined with one space; runs of spaces collapse.
 */
export function parseSteps(text: string): string[] {
  const src = cleanCell(text);
  if (!src) return [];
  const out: string[] = [];
  for (const raw of src.split(/\n+/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !STEP_START.test(line) && !/[.;:!?]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * A commune-level body named in an agency cell; district bodies count too, since their tasks passed to the
 * communes when the district level was abolished (1 July 2025).
 */
const COMMUNE_BODY =
  /cấp xã|ủy ban nhân dân (?:xã|phường)|ubnd (?:cấp )?xã|xã, phường|đặc khu|công chức tư pháp|(?:ủy ban nhân dân|ubnd) (?:cấp )?huyện|phòng tư pháp|công an (?:cấp )?huyện/iu;

/**
 * Bodies that are not the commune's: customs, treasury, social insurance, the tax authority at every tier,
 * ministries and their departments, provincial departments, courts, port authorities, notaries, land registration
 * offices.
 *
 * The tax authority: "Thuế cơ sở" (the local tax office) is a unit of the tax authority under the Ministry of
 * Finance, like "Thuế tỉnh, thành phố" and "Cục Thuế" above it (the 2025 reorganisation replaced the "Chi cục
 * Thuế" by these tiers), not a body of the commune's People's Committee: the Law on Tax Administration
 * (38/2019/QH14, art. 2) names the tax authority and the customs as the tax administration bodies. A ward's one-stop
 * counter does not receive tax declarations, so a procedure implemented only by tax offices is not a commune
 * procedure, whatever the portal's "Cấp xã" tag says (95 records in the crawl of 2025).
 */
const CENTRAL_BODY =
  /hải quan|kho bạc|bảo hiểm xã hội|cục thuế|chi cục thuế|thuế tỉnh|thuế cơ sở|cơ quan thuế|cảng vụ|tòa án|viện kiểm sát|công chứng|cấp tỉnh|văn phòng đăng ký đất đai|ban quản lý|ngân hàng|quân đội|quốc phòng/iu;
/** "Sở …", "Bộ …", "Cục …" as names (capitalised: "cơ sở dữ liệu" is not a department). */
const CENTRAL_NAME = /(?:^|[\s,])(?:Sở|Bộ|Cục|Tổng cục) /u;

/**
 * Fields administered as a whole by a sector body outside the commune (the tax authority, the customs: Law on Tax
 * Administration 38/2019/QH14, art. 2): when a record of such a field names no agency (29 tax records do not), the
 * field says who implements it, and "Cấp xã" is dropped like for a named tax office.
 */
const SECTOR_FIELD = /^(?:thuế|hải quan|kho bạc nhà nước)$/iu;

/**
 * Fields whose subject exists only in some communes: inland waterway landings, ferry landings, water areas and the
 * vessels registered on them ("Hàng hải và đường thủy nội địa"). Even where a commune body implements one (the
 * People's Committee registers small inland vessels beside the provincial Department of Construction), most of
 * the 3,321 communes have no such waterway, so enabling these at every ward by default would fill each counter's
 * list with procedures it never receives. "Cấp xã" is dropped from the default levels; the province enables them
 * for the communes concerned (a unit's or its province's configuration wins over the catalog level,
 * `isProcedureEnabled`). When nothing else is left, the level is "other": no unit receives them by default.
 */
const TERRITORIAL_FIELD = /^hàng hải và đường thủy nội địa$/iu;

/**
 * The levels as the portal tags them, corrected by who implements the procedure: "Cấp xã" is dropped when every
 * agency named (implementing, competent, authorised) is a central or provincial body and none is a commune body
 * (124 customs procedures are tagged "Cấp xã" while a regional customs branch implements them; 95 tax procedures
 * while only tax offices implement them), so no commune receives them by default. With no agency named, the field
 * decides for fields a sector body administers (`SECTOR_FIELD`); fields whose subject only some communes have
 * (`TERRITORIAL_FIELD`) are never at commune level by default. A province can still enable one for a unit.
 */
export function levelsByAgency(
  levels: readonly ProcedureLevel[],
  agencies: { implementing: string | null; competent: string | null; authorized: string | null },
  field = '',
): ProcedureLevel[] {
  if (!levels.includes('commune')) return [...levels];
  const withoutCommune = (): ProcedureLevel[] => {
    const rest = levels.filter((l) => l !== 'commune');
    return rest.length > 0 ? rest : ['other'];
  };
  const f = field.trim();
  if (TERRITORIAL_FIELD.test(f)) return withoutCommune();
  const named = [agencies.implementing, agencies.competent, agencies.authorized].filter((a): a is string => !!a);
  // Every agency named is a commune body ("Ủy ban nhân dân cấp xã"): a "Cấp bộ" tag beside "Cấp xã" is the
  // ministry that published the procedure, not a level that receives it.
  if (
    levels.includes('ministry') &&
    named.length > 0 &&
    named.every((a) => COMMUNE_BODY.test(a) && !CENTRAL_BODY.test(a) && !CENTRAL_NAME.test(a))
  ) {
    return levels.filter((l) => l !== 'ministry');
  }
  if (named.length === 0) return SECTOR_FIELD.test(f) ? withoutCommune() : [...levels];
  if (named.some((a) => COMMUNE_BODY.test(a)) || !named.every((a) => CENTRAL_BODY.test(a) || CENTRAL_NAME.test(a))) {
    return [...levels];
  }
  return withoutCommune();
}

// ---------------------------------------------------------------- decision date

const DATE_AFTER = String.raw`\s*,?\s*ngày\s*(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})`;
/** The decision's number without a date the cell may add ("163/QĐ-BTP ngày 20/01/2026" → "163/QĐ-BTP"). */
export const decisionNumberOf = (cell: string | null): string | null =>
  cell?.replace(/\s*,?\s*ngày\s.*$/iu, '').trim() || null;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The publishing decision's date, when the crawl states it: in the decision cell ("163/QĐ-BTP ngày 20/01/2026")
 * or where the record's text names the decision with its date ("Quyết định số 163/QĐ-BTP ngày 20 tháng 01 năm
 * 2026"). Null when not stated (the portal's decision cell carries the number only): the version's validity is
 * then "not stated", never the date it was loaded.
 */
export function parseDecisionDate(
  decisionCell: string | null,
  texts: ReadonlyArray<string | null | undefined>,
): string | null {
  const num = decisionNumberOf(decisionCell);
  if (!num) return null;
  const re = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(num)}${DATE_AFTER}`, 'iu');
  for (const t of [decisionCell, ...texts]) {
    const m = t?.replace(/\s+/g, ' ').match(re);
    if (!m) continue;
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

// ---------------------------------------------------------------- record

export function deriveOnlineLevel(name: string, channels: ReadonlyArray<ProcedureChannel>): OnlineServiceLevel {
  if (/toàn trình/i.test(name)) return 'full_process';
  return channels.some((c) => c.kind === 'online') ? 'partial' : 'none';
}

/**
 * Parse one raw crawl record into a catalog record. Pure and total: whatever cannot be structured
 * is kept as text in `review` and flags the record `needsReview`.
 */
export function parseRawProcedure(raw: RawProcedureRecord, agency: string): CatalogProcedure {
  const review: ReviewNote[] = [];
  const code = raw.ma_thu_tuc.trim();
  const tagged = parseLevels(raw.cap_thuc_hien ?? '');
  const { unknown } = tagged;
  if (tagged.levels.length === 0 || unknown.length) review.push({ field: 'levels', text: raw.cap_thuc_hien ?? '' });
  const levels = levelsByAgency(
    tagged.levels,
    {
      implementing: cleanCell(raw.co_quan_thuc_hien),
      competent: cleanCell(raw.co_quan_co_tham_quyen),
      authorized: cleanCell(raw.co_quan_duoc_uy_quyen),
    },
    cleanCell(raw.linh_vuc) ?? '',
  );
  const ch = parseChannels(raw.cach_thuc_thuc_hien ?? '');
  if (ch.review) review.push({ field: 'channels', text: ch.review });
  for (const c of ch.channels) {
    if (c.needsReview) review.push({ field: `channels.${c.kind}`, text: `${c.durationText} | fees: ${c.fees.length}` });
  }
  const comp = parseComponents(raw.thanh_phan_ho_so ?? '');
  if (comp.review) review.push({ field: 'components', text: comp.review });
  if (comp.components.length === 0 && cleanCell(raw.thanh_phan_ho_so))
    review.push({ field: 'components', text: raw.thanh_phan_ho_so });
  const legal = parseLegalBasis(raw.can_cu_phap_ly ?? '');
  if (legal.review) review.push({ field: 'legalBasis', text: legal.review });
  const res = parseResults(raw.ket_qua_xu_ly ?? '');
  if (res.review) review.push({ field: 'results', text: res.review });
  const timeLimit = pickTimeLimit(ch.channels);
  if (!timeLimit && ch.channels.length > 0) review.push({ field: 'timeLimit', text: 'no channel has a usable time' });
  const name = cleanCell(raw.ten_thu_tuc) ?? code;
  const decisionNumber = decisionNumberOf(cleanCell(raw.so_quyet_dinh));
  const decisionDate = parseDecisionDate(cleanCell(raw.so_quyet_dinh), [raw.can_cu_phap_ly, raw.raw_text]);
  return {
    code,
    name,
    decisionNumber,
    ...(decisionDate ? { decisionDate } : {}),
    sourceUrl: cleanCell(raw.detail_url),
    agency,
    agencyName: AGENCY_NAMES[agency] ?? agency,
    field: cleanCell(raw.linh_vuc) ?? '',
    levels,
    type: cleanCell(raw.loai_thu_tuc),
    applicantTypes: splitTopLevel(cleanCell(raw.doi_tuong_thuc_hien) ?? ''),
    competentAgency: cleanCell(raw.co_quan_co_tham_quyen),
    implementingAgency: cleanCell(raw.co_quan_thuc_hien),
    authorizedAgency: cleanCell(raw.co_quan_duoc_uy_quyen),
    coordinatingAgency: cleanCell(raw.co_quan_phoi_hop),
    receivingAddress: cleanCell(raw.dia_chi_tiep_nhan),
    steps: parseSteps(raw.trinh_tu_thuc_hien ?? ''),
    channels: ch.channels,
    timeLimit,
    components: comp.components,
    componentNotes: comp.notes,
    conditions: cleanCell(raw.yeu_cau_dieu_kien),
    legalBasis: legal.documents,
    results: res.results,
    onlineServiceLevel: deriveOnlineLevel(name, ch.channels),
    relatedProcedures: cleanCell(raw.thu_tuc_lien_quan),
    origin: 'crawl',
    curationNote: null,
    needsReview: review.length > 0 || comp.components.some((c) => c.needsReview),
    review,
  };
}
