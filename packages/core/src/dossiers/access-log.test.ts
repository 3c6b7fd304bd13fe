import { describe, expect, it } from 'vitest';
import { dossierAccessLog } from './access-log.js';

const dossier = { receivingUnitCode: '26734', competentUnitCode: '79' };
const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));

describe("the applicant's 'who opened my dossier' list", () => {
  it('takes the recorded role and office of each read, newest first, and says what was opened', () => {
    const log = dossierAccessLog(
      [
        { at: at(1), data: { purpose: 'detail', role: 'reception', office: '26734', ip: '10.0.0.1' } },
        { at: at(3), data: { purpose: 'attachment:0b0c', role: 'specialist', office: '79', grants: ['x'] } },
        { at: at(2), data: { purpose: 'slip:receipt', role: 'leader', office: '26734' } },
      ],
      dossier,
    );
    expect(log).toEqual([
      { at: at(3), role: 'specialist', officeCode: '79', purpose: 'attachment' },
      { at: at(2), role: 'leader', officeCode: '26734', purpose: 'slip' },
      { at: at(1), role: 'reception', officeCode: '26734', purpose: 'detail' },
    ]);
    // Nothing about the person or the address is carried.
    expect(Object.keys(log[0]!).sort()).toEqual(['at', 'officeCode', 'purpose', 'role']);
  });

  it("rows from before the grant was recorded: the grant in the dossier's units, else the first", () => {
    const log = dossierAccessLog(
      [
        { at: at(1), data: { purpose: 'detail', grants: ['supervisor@VN', 'specialist@79'] } },
        { at: at(2), data: { purpose: 'detail', grants: ['supervisor@VN'] } },
      ],
      dossier,
    );
    expect(log.map((e) => [e.role, e.officeCode])).toEqual([
      ['supervisor', 'VN'],
      ['specialist', '79'],
    ]);
  });

  it('skips rows it cannot read (unknown purpose, unknown role, no grant)', () => {
    const log = dossierAccessLog(
      [
        { at: at(1), data: { purpose: 'something-else', role: 'reception', office: '26734' } },
        { at: at(2), data: { purpose: 'detail', role: 'king', office: '26734' } },
        { at: at(3), data: { purpose: 'detail' } },
        { at: at(4), data: null },
      ],
      dossier,
    );
    expect(log).toEqual([]);
  });
});
