import { describe, expect, it } from 'vitest';
import { initialDossierState } from '../dossiers/dossier-state.js';
import { citizenMayAccess, requireOwnDossier } from './citizen-access.js';
import { citizenGuidance } from './citizen-guidance.js';

const HOA = { userId: 'u-hoa', idNumber: '079190001234' };
const KHOA = { userId: 'u-khoa', idNumber: '079095004321' };
const dossier = (applicantId: string | null, agentId: string | null = null) => ({
  applicant: {
    type: 'citizen' as const,
    fullName: 'X',
    idNumber: applicantId,
    phone: null,
    email: null,
    address: null,
  },
  agent: agentId ? { fullName: 'Y', idNumber: agentId, phone: null, relation: 'con' } : null,
});

describe('citizen ownership (the rule every citizen route asks)', () => {
  const cases: Array<[string, ReturnType<typeof dossier>, 'applicant' | 'agent' | null, 'applicant' | 'agent' | null]> =
    [
      ['own dossier as applicant', dossier(HOA.idNumber), 'applicant', null],
      ['someone else’s, Hoa is the authorised agent', dossier('001085009876', HOA.idNumber), 'agent', null],
      ['Khoa’s own dossier', dossier(KHOA.idNumber), null, 'applicant'],
      ['no identification number at all', dossier(null), null, null],
    ];
  for (const [name, d, forHoa, forKhoa] of cases) {
    it(`${name}: Hoa → ${forHoa ?? 'no access'}, Khoa → ${forKhoa ?? 'no access'}`, () => {
      expect(citizenMayAccess(HOA, d)).toBe(forHoa);
      expect(citizenMayAccess(KHOA, d)).toBe(forKhoa);
    });
  }

  it('answers DOSSIER_NOT_FOUND (never FORBIDDEN) for another person’s dossier, so its existence is not confirmed', () => {
    expect(() => requireOwnDossier(KHOA, dossier(HOA.idNumber))).toThrowError(
      expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }),
    );
    expect(() => requireOwnDossier(KHOA, undefined)).toThrowError(
      expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }),
    );
    expect(requireOwnDossier(HOA, dossier(HOA.idNumber)).applicant.idNumber).toBe(HOA.idNumber);
  });
});

describe('citizen guidance in plain words', () => {
  it('asks the citizen to act on a supplement request and names the components', () => {
    const s = {
      ...initialDossierState(),
      status: 'supplement_requested' as const,
      pendingSupplement: [{ key: 'c01', name: 'Tờ khai', state: 'missing' as const }],
    };
    const g = citizenGuidance(s);
    expect(g.mustAct).toBe(true);
    expect(g.text).toContain('Tờ khai');
  });

  it('a new online dossier waits for the official, by the intake deadline', () => {
    const at = new Date('2026-03-03T03:00:00Z');
    const g = citizenGuidance({ ...initialDossierState(), intakeDueAt: at });
    expect(g).toMatchObject({ mustAct: false, byWhen: at });
  });
});
