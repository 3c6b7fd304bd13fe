import { describe, expect, it } from 'vitest';
import type { DossierRecord } from './ports.js';
import { maskEmail, maskedForPublic, maskTail } from './public-masking.js';

describe('public slips mask personal data (issue 16)', () => {
  it('keeps the last three digits of numbers and the domain of e-mail', () => {
    expect(maskTail('0912345678')).toBe('*******678');
    expect(maskTail('12')).toBe('**');
    expect(maskTail(null)).toBeNull();
    expect(maskEmail('an.nguyen@mail.vn')).toBe('a***@mail.vn');
  });

  it('masks applicant and agent: initials, numbers, no address', () => {
    const d = {
      applicant: {
        type: 'citizen',
        fullName: 'Nguyễn Văn Bình',
        idNumber: '001203004567',
        phone: '0912345678',
        email: 'binh@mail.vn',
        address: '12 Hàng Bạc, Hoàn Kiếm',
      },
      agent: { fullName: 'Trần Thị Cúc', idNumber: '001199000111', phone: '0987654321', relation: 'vợ' },
    } as unknown as DossierRecord;
    const m = maskedForPublic(d);
    expect(m.applicant).toEqual({
      type: 'citizen',
      fullName: 'N. V. Bình',
      idNumber: '*********567',
      phone: '*******678',
      email: 'b***@mail.vn',
      address: '***',
    });
    expect(m.agent).toEqual({ fullName: 'T. T. Cúc', idNumber: '*********111', phone: '*******321', relation: 'vợ' });
    expect(JSON.stringify(m)).not.toMatch(/Nguyễn|001203004567|0912345678|Hàng Bạc/);
  });
});
