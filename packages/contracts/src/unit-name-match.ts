/**
 * Finding a unit in a short list by what an official types: accents, case and spacing optional ("ben thanh" finds
 * "Phường Bến Thành (26743)"), the unit's kind optional. The pickers filter the list they already hold with it
 * (no request, no wait) and choose the unit at once when the typed words name exactly one.
 */

/** Lower case, no accents (đ → d), spaces collapsed: the form two names are compared in. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const KINDS = ['thanh pho', 'tinh', 'phuong', 'xa', 'dac khu', 'thi tran', 'quan', 'huyen', 'thi xa'];

/** A folded name without its leading kind ("phuong ben thanh" → "ben thanh"). */
function bareName(folded: string): string {
  for (const k of KINDS) if (folded.startsWith(`${k} `)) return folded.slice(k.length + 1);
  return folded;
}

export type UnitOption = { value: string; label: string };

/** The options whose label holds every typed word (accents optional), in their order; all of them when none typed. */
export function filterUnitOptions<T extends UnitOption>(options: readonly T[], typed: string): T[] {
  const words = foldVietnamese(typed).split(' ').filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const label = ` ${foldVietnamese(o.label)} `;
    return words.every((w) => label.includes(` ${w}`));
  });
}

/**
 * The one option the typed text names, or null: the option whose name (label without the "(code)" tail, with or
 * without its kind) or code equals the text, when exactly one does; otherwise the only option the text matches.
 */
export function pickUnitOption<T extends UnitOption>(options: readonly T[], typed: string): T | null {
  const text = foldVietnamese(typed);
  if (text === '') return null;
  const exact = options.filter((o) => {
    const name = foldVietnamese(o.label.replace(/\s*\([^()]*\)\s*$/, '').split(',')[0] ?? '');
    return name === text || bareName(name) === text || o.value === typed.trim();
  });
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const found = filterUnitOptions(options, typed);
  return found.length === 1 ? found[0]! : null;
}
