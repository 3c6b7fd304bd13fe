import { describe, expect, it } from 'vitest';
import { formatVnDay, parseVnDay } from './vn-date-text.js';

describe('Vietnamese date text', () => {
  it('reads dd/mm/yyyy and its usual variants, and ISO', () => {
    for (const s of ['05/03/2026', '5/3/2026', '05-03-2026', '05.03.2026', '05032026', '2026-03-05', ' 5/03/2026 ']) {
      expect(parseVnDay(s), s).toBe('2026-03-05');
    }
    expect(parseVnDay('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses what is not a real day (never reads it as mm/dd)', () => {
    for (const s of [
      '31/02/2026',
      '29/02/2026',
      '00/01/2026',
      '12/13/2026',
      '03/05',
      '',
      'abc',
      '01/01/0001',
      '2026-02-30',
    ]) {
      expect(parseVnDay(s), s).toBeNull();
    }
  });

  it('writes an ISO day as dd/mm/yyyy', () => {
    expect(formatVnDay('2026-12-01')).toBe('01/12/2026');
    expect(formatVnDay('')).toBe('');
    expect(formatVnDay(null)).toBe('');
  });
});
