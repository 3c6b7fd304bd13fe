import { z } from 'zod';

/**
 * Structured e-forms (tờ khai điện tử): a declarative schema per procedure, rendered by one generic form component
 * on the web and validated by the same code on both sides. Values are a flat record by field key; a repeated group's
 * value is an array of such records; an address is { unitCode, unitName, street }.
 */
export type Label = { vi: string; en: string };
export const label = (vi: string, en: string): Label => ({ vi, en });

type Base = { key: string; label: Label; required?: boolean; hint?: Label };
/** `pattern`: digits-only or decimal inputs such as an area or an amount (refused with `pattern`). */
export type TextField = Base & {
  type: 'text';
  maxLength?: number;
  multiline?: boolean;
  pattern?: 'digits' | 'decimal';
};
export type DateField = Base & { type: 'date'; notFuture?: boolean };
/** The 12-digit personal identification number (số định danh cá nhân). */
export type IdNumberField = Base & { type: 'idNumber' };
export type SelectField = Base & { type: 'select'; options: Array<{ value: string; label: Label }> };
/** A place of residence: a commune-level unit of the shipped register (picked by name, old names too) + street. */
export type AddressField = Base & { type: 'address' };
export type GroupField = Base & { type: 'group'; fields: LeafField[]; min?: number; max: number };
export type LeafField = TextField | DateField | IdNumberField | SelectField | AddressField;
export type EformField = LeafField | GroupField;

export type EformSection = { key: string; title: Label; fields: EformField[] };
export type EformSchema = {
  /** Stable id stored with the dossier, with the version, so an old dossier is shown with the schema it was filled with. */
  id: string;
  version: number;
  title: Label;
  /** The catalog's commune-level procedure codes this e-form serves. */
  procedureCodes: string[];
  sections: EformSection[];
};

export type EformAddress = { unitCode: string; unitName: string; street: string };
export type EformValue = string | EformAddress | Array<Record<string, string | EformAddress>>;
export type EformValues = Record<string, EformValue>;

/** The error codes a field can carry, with their messages (Vietnamese first). */
export const EFORM_FIELD_MESSAGES = {
  required: label('Trường này là bắt buộc.', 'This field is required.'),
  tooLong: label('Nội dung quá dài.', 'The text is too long.'),
  date: label('Ngày không hợp lệ (năm-tháng-ngày).', 'Not a valid date (year-month-day).'),
  future: label('Ngày không được sau hôm nay.', 'The date cannot be after today.'),
  idNumber: label(
    'Số định danh cá nhân gồm đúng 12 chữ số.',
    'The personal identification number has exactly 12 digits.',
  ),
  option: label('Vui lòng chọn một giá trị trong danh sách.', 'Please choose a value from the list.'),
  address: label(
    'Vui lòng chọn xã/phường và ghi số nhà, đường/thôn.',
    'Please pick the commune/ward and enter the street.',
  ),
  tooFew: label('Cần thêm dòng.', 'More rows are needed.'),
  tooMany: label('Quá nhiều dòng.', 'Too many rows.'),
  pattern: label('Chỉ ghi chữ số (số thập phân dùng dấu chấm).', 'Digits only (a decimal uses a point).'),
  unknown: label('Trường không có trong tờ khai.', 'This field is not part of the form.'),
} as const satisfies Record<string, Label>;
export type EformFieldErrorCode = keyof typeof EFORM_FIELD_MESSAGES;

const isRealDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const e = (code: EformFieldErrorCode) => ({ error: code });

function leafSchema(f: LeafField, today: string): z.ZodType {
  // An optional field left empty ('' or blanks) is dropped; anything else must be valid.
  const optional = (s: z.ZodType) =>
    f.required ? s : z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s.optional());
  switch (f.type) {
    case 'text': {
      let s = z
        .string(e('required'))
        .trim()
        .min(1, e('required'))
        .max(f.maxLength ?? 200, e('tooLong'));
      if (f.pattern) s = s.regex(f.pattern === 'digits' ? /^[0-9]+$/ : /^[0-9]+(\.[0-9]+)?$/, e('pattern'));
      return optional(s);
    }
    case 'date': {
      let s = z.string(e('required')).min(1, e('required')).refine(isRealDate, e('date'));
      if (f.notFuture) s = s.refine((v) => v <= today, e('future'));
      return optional(s);
    }
    case 'idNumber':
      return optional(
        z
          .string(e('required'))
          .min(1, e('required'))
          .regex(/^[0-9]{12}$/, e('idNumber')),
      );
    case 'select':
      return optional(
        z
          .string(e('required'))
          .min(1, e('required'))
          .refine((v) => f.options.some((o) => o.value === v), e('option')),
      );
    case 'address': {
      const s = z.object(
        {
          unitCode: z.string(e('address')).regex(/^[0-9A-Z]{2,10}$/, e('address')),
          unitName: z.string(e('address')).trim().min(1, e('address')).max(300, e('tooLong')),
          street: z.string(e('address')).trim().min(1, e('address')).max(300, e('tooLong')),
        },
        e('address'),
      );
      return f.required ? s : s.optional();
    }
  }
}

function fieldSchema(f: EformField, today: string): z.ZodType {
  if (f.type !== 'group') return leafSchema(f, today);
  const row = z.strictObject(Object.fromEntries(f.fields.map((c) => [c.key, leafSchema(c, today)])), e('unknown'));
  const min = f.min ?? (f.required ? 1 : 0);
  const s = z
    .array(row, e('required'))
    .min(min, e(min === 1 ? 'required' : 'tooFew'))
    .max(f.max, e('tooMany'));
  return min > 0 ? s : s.optional();
}

export const eformFields = (s: EformSchema) => s.sections.flatMap((x) => x.fields);

/** The Zod schema of an e-form's values; `today` (YYYY-MM-DD, Vietnam time) bounds the dates that cannot be future. */
export function eformValuesSchema(s: EformSchema, today: string) {
  return z.strictObject(Object.fromEntries(eformFields(s).map((f) => [f.key, fieldSchema(f, today)])), e('unknown'));
}

export type EformFieldError = { field: string; code: EformFieldErrorCode; label: Label; message: Label };

function labelAt(s: EformSchema, path: PropertyKey[]): Label {
  const [top, index, child] = path;
  const f = eformFields(s).find((x) => x.key === top);
  if (!f) return label(String(top ?? ''), String(top ?? ''));
  if (f.type === 'group' && typeof index === 'number' && child !== undefined) {
    const c = f.fields.find((x) => x.key === child);
    if (c) return label(`${f.label.vi} ${index + 1}: ${c.label.vi}`, `${f.label.en} ${index + 1}: ${c.label.en}`);
  }
  return f.label;
}

const withoutEmpty = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.map((row) => withoutEmpty(row as Record<string, unknown>)) : v]),
  );

/**
 * Validate an e-form's values: either the cleaned values (trimmed, empty optional fields dropped) or one error per
 * field, named by its path (`child.fullName`, `witnesses.0.idNumber`) with its label and message in both languages.
 */
export function validateEform(
  s: EformSchema,
  values: unknown,
  today: string,
): { ok: true; values: EformValues } | { ok: false; errors: EformFieldError[] } {
  const r = eformValuesSchema(s, today).safeParse(values ?? {});
  if (r.success) return { ok: true, values: withoutEmpty(r.data) as EformValues };
  const seen = new Set<string>();
  const errors: EformFieldError[] = [];
  for (const issue of r.error.issues) {
    // Unknown keys are reported one by one, under their own name.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const field = path.map(String).join('.');
      if (seen.has(field)) continue;
      seen.add(field);
      const raw = issue.code === 'unrecognized_keys' ? 'unknown' : issue.message;
      const code: EformFieldErrorCode = raw in EFORM_FIELD_MESSAGES ? (raw as EformFieldErrorCode) : 'required';
      errors.push({ field, code, label: labelAt(s, path), message: EFORM_FIELD_MESSAGES[code] });
    }
  }
  return { ok: false, errors };
}
