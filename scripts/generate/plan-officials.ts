import type { GeneratedOfficial } from '@mot-cua/db';
import { personName } from './plan.js';

/** The generated officials of a commune (pure, seeded), whose ids the generated dossiers' actions carry. */

const ROLE_WORDS: Record<GeneratedOfficial['role'], string> = {
  reception: 'tiepnhan',
  specialist: 'chuyenvien',
  department_head: 'truongphong',
  leader: 'lanhdao',
};

/**
 * A commune's officials (usernames `gen.<commune>.<role><n>`): reception and specialists in proportion to its
 * volume (a busy commune has more), one department head and one leader, all in the commune's office department.
 */
export function planOfficials(
  commune: { code: string; provinceCode: string },
  weight: number,
  departmentId: string | null,
  random: () => number,
  id: () => string,
): GeneratedOfficial[] {
  const counts: Array<[GeneratedOfficial['role'], number]> = [
    ['reception', 1 + Math.floor(weight)],
    ['specialist', 2 + Math.round(weight * 1.5)],
    ['department_head', 1],
    ['leader', 1],
  ];
  const out: GeneratedOfficial[] = [];
  for (const [role, n] of counts) {
    for (let i = 1; i <= n; i++) {
      out.push({
        id: id(),
        username: `gen.${commune.code}.${ROLE_WORDS[role]}${i}`,
        fullName: personName(random),
        unitCode: commune.code,
        provinceCode: commune.provinceCode,
        role,
        departmentId,
      });
    }
  }
  return out;
}
