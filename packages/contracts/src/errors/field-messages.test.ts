import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IsoDate } from '../admin-units.js';
import { ApplicantInput } from '../dossier-receipt.js';
import { personName } from '../person-name.js';
import { fieldErrorsUnder, fieldMessage } from './field-messages.js';

/** The first issue zod raises for a value, as the API's validation hands it over. */
const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected an issue');
  return r.error.issues[0]!;
};
const vi = (schema: z.ZodType, value: unknown) => fieldMessage(issue(schema, value)).vi;

describe('field messages: Vietnamese first, English as written', () => {
  it('a missing field is required; a wrong type names the expected one', () => {
    expect(vi(z.object({ a: z.string() }), {})).toBe('Bắt buộc nhập.');
    expect(vi(z.string(), 12)).toBe('Sai kiểu dữ liệu: cần chuỗi ký tự.');
    expect(vi(z.number(), 'x')).toBe('Sai kiểu dữ liệu: cần số.');
  });

  it('too short, empty and too long strings, arrays and numbers', () => {
    expect(vi(z.string().min(1), '')).toBe('Không được để trống.');
    expect(vi(z.string().min(2), 'A')).toBe('Cần ít nhất 2 ký tự.');
    expect(vi(z.string().max(300), 'x'.repeat(301))).toBe('Dài quá: tối đa 300 ký tự.');
    expect(vi(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('Nhiều quá: tối đa 2 mục.');
    expect(vi(z.number().int().positive(), -1)).toBe('Phải lớn hơn 0.');
    expect(vi(z.number().max(1000), 5000)).toBe('Phải từ 1.000 trở xuống.');
  });

  it('dates, formats and choices', () => {
    expect(vi(IsoDate, '2026-02-30')).toBe('Ngày không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật.');
    expect(vi(z.iso.date(), '31/12/2026')).toBe('Ngày không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật.');
    expect(vi(z.email(), 'x@')).toBe('Địa chỉ thư điện tử không hợp lệ.');
    expect(vi(z.string().regex(/^\d+$/), 'a')).toBe('Sai định dạng.');
    expect(vi(z.enum(['sms', 'email']), 'fax')).toBe('Giá trị không hợp lệ: chọn một trong sms, email.');
    expect(vi(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toBe('Trường không được phép: b.');
  });

  it('messages written on purpose in the contracts and core rules', () => {
    expect(vi(personName(200), '...')).toBe('Họ tên cần có ít nhất một chữ cái hoặc chữ số.');
    expect(fieldMessage({ message: 'A grant starts today or later' }).vi).toBe(
      'Quyền được giao phải có hiệu lực từ hôm nay trở đi.',
    );
    expect(fieldMessage({ message: '2026-09-02 appears twice' }).vi).toBe('Ngày 2026-09-02 bị trùng.');
  });

  it('keeps the English as written, keeps a Vietnamese message, and never answers English alone', () => {
    const m = fieldMessage(issue(z.string().max(3), 'abcd'));
    expect(m.en).toMatch(/^Too big/);
    const dong = 'Dòng 3: "Hạn hoàn thành" không phải ngày (dd/mm/yyyy).';
    expect(fieldMessage({ message: dong })).toEqual({ vi: dong, en: dong });
    expect(fieldMessage({ message: 'Dòng 4: thiếu mã.' }).vi).toBe('Dòng 4: thiếu mã.');
    expect(fieldMessage({ code: 'custom', message: 'something new' }).vi).toBe('Giá trị không hợp lệ. (something new)');
  });

  it("an applicant's phone and ID number say what they must be", () => {
    const bad = (k: 'phone' | 'idNumber', v: string) => {
      const r = ApplicantInput.safeParse({ fullName: 'Trần Thị Tư', [k]: v });
      if (r.success) throw new Error('expected an issue');
      return fieldMessage(r.error.issues[0]!).vi;
    };
    expect(bad('phone', '12ab')).toMatch(/^Số điện thoại gồm 8 đến 20 chữ số/);
    expect(bad('idNumber', '0790 123')).toMatch(/^Số định danh gồm 6 đến 20/);
    expect(fieldMessage(issue(ApplicantInput, { fullName: 'x'.repeat(201) })).vi).toBe('Dài quá: tối đa 200 ký tự.');
  });
});

describe('field errors under a part of the request', () => {
  it('keys them by the rest of the path, the first of a field kept', () => {
    const errors = [
      { field: 'body.applicant.fullName', message: 'Dài quá: tối đa 200 ký tự.' },
      { field: 'body.applicant.phone', message: 'a' },
      { field: 'body.applicant.phone', message: 'b' },
      { field: 'body.agent.fullName', message: 'c' },
      { field: 'body.applicantX', message: 'd' },
    ];
    expect(fieldErrorsUnder(errors, 'body.applicant')).toEqual({ fullName: 'Dài quá: tối đa 200 ký tự.', phone: 'a' });
    expect(fieldErrorsUnder(errors, 'body.agent')).toEqual({ fullName: 'c' });
    expect(fieldErrorsUnder(undefined, 'body')).toEqual({});
  });
});
