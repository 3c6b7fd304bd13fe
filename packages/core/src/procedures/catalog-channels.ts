import type { ChannelKind, ProcedureChannel, ProcedureDuration, ProcedureFee } from '@mot-cua/contracts';
import { cleanCell, NO_INFO } from './catalog-cells.js';

/** The channels cell of a crawl record: how to submit, time limit and fees per channel. */

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
