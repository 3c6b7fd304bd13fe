import type { ComponentCondition } from '@mot-cua/contracts';
import type { ComponentCheck } from '../dossiers/dossier-actions.js';
import type { Applicant } from '../dossiers/ports.js';
import { conditionAppliesTo } from '../procedures/component-condition.js';
import type { OldUnitCodeConverter, PortalDossier } from './portal-import-ports.js';

/**
 * The unit in force for a commune code a portal dossier names: the code itself (or its alias) when in force,
 * otherwise an old (pre-2025) code through the address conversion: one successor (the whole commune went
 * there) → that unit; several (a split commune) → review with the candidates; none → not found.
 */
export function resolvePortalUnitCode(
  code: string,
  onDate: string,
  converter: OldUnitCodeConverter | undefined,
): { kind: 'old_code'; newCode: string } | { kind: 'split'; candidates: string[] } | { kind: 'not_found' } {
  if (!converter) return { kind: 'not_found' };
  const r = converter.convertCode(code, onDate);
  const codes = [...new Set(r.candidates.map((c) => c.newUnit.code))];
  if (r.status === 'converted' && codes.length === 1) return { kind: 'old_code', newCode: codes[0]! };
  if (codes.length > 1) return { kind: 'split', candidates: codes };
  if (codes.length === 1) return { kind: 'old_code', newCode: codes[0]! };
  return { kind: 'not_found' };
}

/** The applicant as the portal sent them (empty strings become absent). */
export function portalApplicant(d: PortalDossier): Applicant {
  const or = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    type: 'citizen',
    fullName: d.ChuHoSo.HoTen.trim(),
    idNumber: or(d.ChuHoSo.SoDinhDanh),
    phone: or(d.ChuHoSo.SoDienThoai),
    email: or(d.ChuHoSo.Email),
    address: or(d.ChuHoSo.DiaChi),
  };
}

/**
 * The checklist of an online dossier, as the counter's model has it for the online channel: a component with a
 * file is present; without one, a component needed in every case is missing (to be asked for) and one needed only
 * in some cases is not applicable; components of other channels (the counter's paper form) are left out.
 */
export function portalChecklist(
  components: ReadonlyArray<{ key: string; required: boolean; condition?: ComponentCondition | undefined }>,
  files: ReadonlyArray<{ componentKey: string | null; reused?: boolean; fromCitizenStore?: boolean }>,
): Array<{ key: string; state: ComponentCheck['state'] }> {
  const given = new Set(files.map((f) => f.componentKey).filter(Boolean));
  const rows: Array<{ key: string; state: ComponentCheck['state']; reused?: boolean; fromCitizenStore?: boolean }> = [];
  for (const c of components) {
    if (c.condition && !conditionAppliesTo(c.condition, 'online')) continue;
    const conditional = c.condition ? c.condition.kind === 'if_applicable' : !c.required;
    const mine = files.filter((f) => f.componentKey === c.key);
    rows.push({
      key: c.key,
      state: given.has(c.key) ? 'present' : conditional ? 'not_applicable' : 'missing',
      ...(mine.some((f) => f.reused) ? { reused: true } : {}),
      ...(mine.some((f) => f.fromCitizenStore) ? { fromCitizenStore: true } : {}),
    });
  }
  return rows;
}
