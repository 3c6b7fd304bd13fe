/**
 * The message of one field of a problem's `errors[]`, Vietnamese first. Schema validation (zod) speaks English and
 * a few core rules name a field in English; this is the one place that gives each a Vietnamese text. An issue is
 * read by its code and parameters (too short, too long, wrong type, not a date…); a message written on purpose
 * (a refine's, a core rule's) is looked up by its English text; a message already in Vietnamese is kept.
 */
export type FieldMessage = { vi: string; en: string };

/** What the mapping reads of a validation issue (zod 4's issue, or a bare message). */
export type FieldIssue = {
  code?: string | undefined;
  message?: string | undefined;
  origin?: string | undefined;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  inclusive?: boolean | undefined;
  expected?: string | undefined;
  format?: string | undefined;
  divisor?: number | undefined;
  values?: readonly unknown[] | undefined;
  keys?: readonly string[] | undefined;
};

const GENERIC = 'Giá trị không hợp lệ.';

/** Messages written on purpose in the contracts' refinements and the core rules, English → Vietnamese. */
const WRITTEN: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^A name needs at least one visible letter or digit$/, () => 'Họ tên cần có ít nhất một chữ cái hoặc chữ số.'],
  [/^YYYY-MM-DD, a date that exists$/, () => 'Ngày không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật.'],
  [/^groupId or counterId$/, () => 'Cần chọn nhóm (groupId) hoặc quầy (counterId).'],
  [
    /^give exactly one of address or oldCode$/,
    () => 'Nhập đúng một trong hai: địa chỉ (address) hoặc mã cũ (oldCode).',
  ],
  [/^draft too large \(64 KB\)$/, () => 'Bản nháp quá lớn (tối đa 64 KB).'],
  [/^duration or procedureCode is required$/, () => 'Cần thời hạn (duration) hoặc mã thủ tục (procedureCode).'],
  [/^phone$/, () => 'Số điện thoại không hợp lệ.'],
  [
    /^A phone number: 8 to 20 digits/,
    () => 'Số điện thoại gồm 8 đến 20 chữ số (được có dấu cách, dấu chấm, gạch nối, dấu + ở đầu).',
  ],
  [
    /^An ID number: 6 to 20 letters or digits$/,
    () => 'Số định danh gồm 6 đến 20 chữ cái hoặc chữ số, không có dấu cách.',
  ],
  [/^unit code$/, () => 'Mã đơn vị không hợp lệ.'],
  [/^base64$/, () => 'Nội dung base64 không hợp lệ.'],
  [/^JSON expected$/, () => 'Cần dữ liệu JSON.'],
  [/^A grant starts today or later$/, () => 'Quyền được giao phải có hiệu lực từ hôm nay trở đi.'],
  [/^minutes between 0 and 1440$/, () => 'Số phút phải từ 0 đến 1440.'],
  [/^at least one session$/, () => 'Cần ít nhất một buổi làm việc.'],
  [/^whole minutes$/, () => 'Giờ làm việc tính bằng số phút nguyên.'],
  [/^each session must start before it ends$/, () => 'Mỗi buổi phải bắt đầu trước khi kết thúc.'],
  [/^sessions must be ordered and must not overlap$/, () => 'Các buổi phải theo thứ tự và không chồng lên nhau.'],
  [/^(\S+) is not a date$/, (m) => `${m[1]} không phải là một ngày.`],
  [/^(\S+) is not in (\d+)$/, (m) => `${m[1]} không thuộc năm ${m[2]}.`],
  [/^(\S+) is not allowed in a (\S+) schedule$/, (m) => `Loại ngày "${m[1]}" không dùng được trong lịch cấp ${m[2]}.`],
  [/^(\S+) appears twice$/, (m) => `Ngày ${m[1]} bị trùng.`],
  [/^(\S+) is already a working day$/, (m) => `Ngày ${m[1]} vốn đã là ngày làm việc.`],
  [/^(\S+) is already a weekly rest day$/, (m) => `Ngày ${m[1]} vốn đã là ngày nghỉ hằng tuần.`],
  [/^every entry needs a name$/, () => 'Mỗi dòng cần có tên.'],
  [/^year must be an integer$/, () => 'Năm phải là số nguyên.'],
  [/^at least one step$/, () => 'Cần ít nhất một bước.'],
  [/^step (\d+) has order (\d+)$/, (m) => `Bước ${m[1]} lại có thứ tự ${m[2]}.`],
  [/^(\S+) does not add up to (\S+)$/, (m) => `Đơn vị ${m[1]} không cộng được vào thời hạn tính bằng ${m[2]}.`],
  [
    /^steps sum to (\S+) (\S+), the legal limit is (\S+) (\S+)$/,
    (m) => `Tổng các bước là ${m[1]} ${m[2]}, thời hạn luật định là ${m[3]} ${m[4]}.`,
  ],
];

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng',
  array: 'danh sách',
  date: 'ngày',
  file: 'tệp',
};

const FORMAT_VI: Record<string, string> = {
  date: 'Ngày không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật.',
  datetime: 'Thời điểm không hợp lệ: cần dạng ISO 8601 (YYYY-MM-DDTHH:MM:SSZ).',
  time: 'Giờ không hợp lệ: cần dạng HH:MM.',
  email: 'Địa chỉ thư điện tử không hợp lệ.',
  url: 'Địa chỉ URL không hợp lệ.',
  uuid: 'Mã định danh (UUID) không hợp lệ.',
  guid: 'Mã định danh (UUID) không hợp lệ.',
  regex: 'Sai định dạng.',
};

const hasVietnamese = (s: string) => /[\u00C0-\u024F\u1EA0-\u1EF9]/.test(s.normalize('NFC'));
const num = (v: number | bigint | undefined) => (v === undefined ? '?' : v.toLocaleString('vi-VN'));

function byCode(i: FieldIssue): string | null {
  const message = i.message ?? '';
  switch (i.code) {
    case 'invalid_type':
      return /received undefined$/.test(message)
        ? 'Bắt buộc nhập.'
        : `Sai kiểu dữ liệu: cần ${TYPE_VI[i.expected ?? ''] ?? i.expected ?? 'giá trị khác'}.`;
    case 'too_small': {
      const min = Number(i.minimum ?? 0);
      if (i.origin === 'string') return min <= 1 ? 'Không được để trống.' : `Cần ít nhất ${num(i.minimum)} ký tự.`;
      if (i.origin === 'array' || i.origin === 'set') return `Cần ít nhất ${num(i.minimum)} mục.`;
      if (i.origin === 'file') return `Tệp cần ít nhất ${num(i.minimum)} byte.`;
      return i.inclusive === false ? `Phải lớn hơn ${num(i.minimum)}.` : `Phải từ ${num(i.minimum)} trở lên.`;
    }
    case 'too_big':
      if (i.origin === 'string') return `Dài quá: tối đa ${num(i.maximum)} ký tự.`;
      if (i.origin === 'array' || i.origin === 'set') return `Nhiều quá: tối đa ${num(i.maximum)} mục.`;
      if (i.origin === 'file') return `Tệp quá lớn: tối đa ${num(i.maximum)} byte.`;
      return i.inclusive === false ? `Phải nhỏ hơn ${num(i.maximum)}.` : `Phải từ ${num(i.maximum)} trở xuống.`;
    case 'invalid_format':
      return FORMAT_VI[i.format ?? ''] ?? 'Sai định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${i.divisor ?? '?'}.`;
    case 'invalid_value': {
      const values = (i.values ?? []).map((v) => String(v));
      return values.length > 0 && values.length <= 12
        ? `Giá trị không hợp lệ: chọn một trong ${values.join(', ')}.`
        : GENERIC;
    }
    case 'unrecognized_keys':
      return `Trường không được phép: ${(i.keys ?? []).join(', ')}.`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return GENERIC;
    default:
      return null;
  }
}

/** The Vietnamese and English text of a field's error (English: the message as written). */
export function fieldMessage(issue: FieldIssue): FieldMessage {
  const en = issue.message?.trim() || 'Invalid value';
  if (hasVietnamese(en)) return { vi: en, en };
  for (const [re, vi] of WRITTEN) {
    const m = re.exec(en);
    if (m) return { vi: vi(m), en };
  }
  return { vi: byCode(issue) ?? `${GENERIC} (${en})`, en };
}

/**
 * The field errors of a problem under one part of the request, keyed by the rest of their path: with prefix
 * 'body.applicant', `body.applicant.phone` → `phone`. A form puts each under its own field.
 */
export function fieldErrorsUnder(
  errors: ReadonlyArray<{ field: string; message: string }> | undefined,
  prefix: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    if (!e.field.startsWith(`${prefix}.`)) continue;
    const key = e.field.slice(prefix.length + 1);
    out[key] ??= e.message;
  }
  return out;
}
