import { Role } from '@mot-cua/contracts';

/** An official's read of a dossier as the applicant may see it: when, which role in which office, what. */
export type DossierAccess = {
  at: Date;
  role: Role;
  officeCode: string;
  purpose: 'detail' | 'attachment' | 'slip';
};

/**
 * The "who opened my dossier" list (issue 16, after Estonia's Data Tracker) from the `dossier.read` audit rows of
 * one dossier: each row's recorded grant (the role and office that allowed the read). Rows written before the
 * grant was recorded carry the official's grants only: the grant held in the dossier's receiving or competent
 * unit is taken, else the first. Names, user ids and addresses never leave this function. Newest first.
 */
export function dossierAccessLog(
  rows: readonly { at: Date; data: unknown }[],
  dossier: { receivingUnitCode: string; competentUnitCode: string },
): DossierAccess[] {
  const out: DossierAccess[] = [];
  for (const row of rows) {
    const data = (row.data ?? {}) as { purpose?: unknown; role?: unknown; office?: unknown; grants?: unknown };
    const purpose = purposeOf(data.purpose);
    if (!purpose) continue;
    let role = Role.safeParse(data.role).data;
    let officeCode = typeof data.office === 'string' ? data.office : undefined;
    if (!role || !officeCode) {
      const grants = (Array.isArray(data.grants) ? data.grants : [])
        .map((g) => String(g).split('@'))
        .filter((p): p is [string, string] => p.length === 2 && Role.safeParse(p[0]).success);
      const inUnit = grants.find(([, u]) => u === dossier.receivingUnitCode || u === dossier.competentUnitCode);
      const g = inUnit ?? grants[0];
      if (!g) continue;
      role = Role.parse(g[0]);
      officeCode = g[1];
    }
    out.push({ at: row.at, role, officeCode, purpose });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

function purposeOf(p: unknown): DossierAccess['purpose'] | undefined {
  if (p === 'detail') return 'detail';
  if (typeof p === 'string' && p.startsWith('attachment:')) return 'attachment';
  if (typeof p === 'string' && p.startsWith('slip:')) return 'slip';
  return undefined;
}
