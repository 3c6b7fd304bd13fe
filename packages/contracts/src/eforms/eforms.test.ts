import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../data/procedures/catalog.json' with { type: 'json' };
import { describeEform, EFORMS, eformById, eformFields, eformForProcedure, validateEform } from '../eforms.js';
import { EFORM_SAMPLES } from './samples.js';

const today = '2026-11-30';
const catalog = catalogJson as Array<{ code: string; levels: string[] }>;

function invalid(code: string, values: unknown) {
  const r = validateEform(eformForProcedure(code)!, values, today);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('e-forms of the ten commune procedures', () => {
  it('map ten distinct schemas to codes of the shipped catalog', () => {
    expect(EFORMS).toHaveLength(10);
    expect(new Set(EFORMS.map((f) => f.id)).size).toBe(10);
    for (const f of EFORMS) {
      for (const code of f.procedureCodes) expect(catalog.some((p) => p.code === code)).toBe(true);
      expect(eformById(f.id, f.version)).toBe(f);
    }
    expect(eformForProcedure('1.001193')?.id).toBe('khai-sinh');
    expect(eformForProcedure('9.999999')).toBeNull();
  });

  it('every field has a Vietnamese and an English label and a unique key', () => {
    for (const f of EFORMS) {
      const keys = eformFields(f).map((x) => x.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const field of eformFields(f)) {
        expect(field.label.vi.length).toBeGreaterThan(0);
        expect(field.label.en.length).toBeGreaterThan(0);
      }
    }
  });

  for (const f of EFORMS) {
    const code = f.procedureCodes[0]!;
    describe(`${f.id} (${code})`, () => {
      it('accepts the sample', () => {
        const r = validateEform(f, EFORM_SAMPLES[code], today);
        expect(r.ok ? [] : r.errors).toEqual([]);
      });

      it('names every required field left out, Vietnamese first', () => {
        const errors = invalid(code, {});
        const required = eformFields(f).filter((x) => x.required || (x.type === 'group' && (x.min ?? 0) > 0));
        expect(errors.map((e) => e.field).sort()).toEqual(required.map((x) => x.key).sort());
        for (const e of errors) expect(e.message.vi).toMatch(/bắt buộc|Vui lòng/);
      });

      it('refuses a field that is not part of the form', () => {
        const errors = invalid(code, { ...EFORM_SAMPLES[code], extra: 'x' });
        expect(errors).toEqual([expect.objectContaining({ field: 'extra', code: 'unknown' })]);
      });
    });
  }

  it('checks identification numbers, dates, options, addresses and patterns', () => {
    const birth = EFORM_SAMPLES['1.001193']!;
    const errors = invalid('1.001193', {
      ...birth,
      motherIdNumber: '12345',
      childBirthDate: '2026-02-30',
      childGender: 'x',
      motherResidence: { unitCode: '', unitName: '', street: '' },
      fatherBirthDate: '2027-01-01',
    });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.code]));
    expect(byField).toEqual({
      motherIdNumber: 'idNumber',
      childBirthDate: 'date',
      childGender: 'option',
      'motherResidence.unitCode': 'address',
      'motherResidence.unitName': 'address',
      'motherResidence.street': 'address',
      fatherBirthDate: 'future',
    });
    const land = invalid('1.013978', { ...EFORM_SAMPLES['1.013978'], areaM2: '120,5' });
    expect(land).toEqual([expect.objectContaining({ field: 'areaM2', code: 'pattern' })]);
  });

  it('drops empty optional fields and trims text', () => {
    const r = validateEform(
      eformForProcedure('1.001193')!,
      { ...EFORM_SAMPLES['1.001193'], childFullName: '  Trần Gia Bảo ', fatherFullName: '', fatherIdNumber: ' ' },
      today,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.values.childFullName).toBe('Trần Gia Bảo');
      expect('fatherFullName' in r.values).toBe(false);
    }
  });

  it('checks repeated groups row by row with a numbered label', () => {
    const errors = invalid('2.000815', {
      documents: [
        { name: 'Bằng', issuer: 'Trường', copies: '2' },
        { name: '', issuer: 'Trường', copies: '99' },
      ],
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['documents.1.name', 'required'],
      ['documents.1.copies', 'option'],
    ]);
    expect(errors[0]!.label.vi).toBe('Giấy tờ 2: Tên giấy tờ');
    expect(invalid('2.000815', { documents: [] })).toEqual([expect.objectContaining({ field: 'documents' })]);
    const many = Array.from({ length: 21 }, () => ({ name: 'a', issuer: 'b', copies: '1' }));
    expect(invalid('2.000815', { documents: many })[0]!.code).toBe('tooMany');
  });
});

describe('describeEform', () => {
  it('reads stored values as label → value rows in both languages', () => {
    const view = describeEform(eformForProcedure('1.001193')!, EFORM_SAMPLES['1.001193']!);
    const rows = view.sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.field === 'childGender')?.value).toEqual({ vi: 'Nam', en: 'Male' });
    expect(rows.find((r) => r.field === 'childBirthDate')?.value.vi).toBe('02/11/2026');
    expect(rows.find((r) => r.field === 'motherResidence')?.value.vi).toBe(
      '12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    );
    expect(rows.some((r) => r.field.startsWith('father'))).toBe(false);
    const copies = describeEform(eformForProcedure('2.000815')!, EFORM_SAMPLES['2.000815']!);
    expect(copies.sections[0]!.rows.map((r) => r.label.vi)).toContain('Giấy tờ 2: Cơ quan cấp');
  });
});
