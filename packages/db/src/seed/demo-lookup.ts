/**
 * The documented demo dossier for the public lookup (/tra-cuu): a birth registration received at
 * Phường Bến Thành on Monday 2 November 2026 at 08:30 and returned the next morning. It is the first
 * dossier of that day, so its code ends in 010001; the second factor is the applicant's phone.
 */
export const DEMO_LOOKUP = {
  receivedAt: '2026-11-02T01:30:00Z',
  phone: '0912345678',
  idNumber: '079190001234',
  applicant: 'Nguyễn Thị Hoa',
} as const;
