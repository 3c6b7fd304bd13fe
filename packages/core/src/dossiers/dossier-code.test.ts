import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fallbackAgencyIdentifier,
  formatDossierCode,
  isAgencyIdentifier,
  parseDossierCode,
  vnYymmdd,
} from './dossier-code.js';

describe('dossier code (TT 03/2025 Art. 13 cl. 3)', () => {
  it('formats agency identifier, YYMMDD in Vietnam time, system code and a 4-digit daily sequence', () => {
    const code = formatDossierCode({
      agencyIdentifier: 'H29.123.45',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      systemCode: '01',
      sequence: 7,
    });
    expect(code).toBe('H29.123.45-260302-010007');
  });

  it('uses the Vietnam civil date: 23:30 UTC is already the next day', () => {
    expect(vnYymmdd(new Date('2026-12-31T17:30:00Z'))).toBe('270101');
    expect(vnYymmdd(new Date('2026-12-31T16:59:59Z'))).toBe('261231');
  });

  it('keeps growing past 9999 (at least 4 digits)', () => {
    const code = formatDossierCode({
      agencyIdentifier: 'G01',
      receivedAt: new Date(0),
      systemCode: '02',
      sequence: 12345,
    });
    expect(code).toBe('G01-700101-0212345');
    expect(parseDossierCode(code)).toEqual({
      agencyIdentifier: 'G01',
      yymmdd: '700101',
      systemCode: '02',
      sequence: 12345,
    });
  });

  it('refuses malformed inputs', () => {
    const ok = { agencyIdentifier: 'H29', receivedAt: new Date(0), systemCode: '01', sequence: 1 };
    expect(() => formatDossierCode({ ...ok, agencyIdentifier: 'h29' })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...ok, agencyIdentifier: 'A'.repeat(36) })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...ok, agencyIdentifier: 'H29..1' })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...ok, systemCode: '1' })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...ok, sequence: 0 })).toThrow(RangeError);
    expect(parseDossierCode('H29-2603-010001')).toBeUndefined();
  });

  it('round-trips any valid code', () => {
    const group = fc.stringMatching(/^[0-9A-Z]{1,5}$/);
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 4 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (groups, at, sys, seq) => {
          const agencyIdentifier = groups.join('.');
          const systemCode = String(sys).padStart(2, '0');
          const code = formatDossierCode({ agencyIdentifier, receivedAt: at, systemCode, sequence: seq });
          expect(parseDossierCode(code)).toEqual({ agencyIdentifier, yymmdd: vnYymmdd(at), systemCode, sequence: seq });
        },
      ),
    );
  });

  it('the fallback identifier for units without an official one is valid', () => {
    expect(fallbackAgencyIdentifier('26743', '79')).toBe('X79.26743');
    expect(isAgencyIdentifier(fallbackAgencyIdentifier('Tab12', 'P0f'))).toBe(true);
  });
});
