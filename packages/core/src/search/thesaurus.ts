import { normalizeText } from './text.js';
import { BUSINESS_THESAURUS } from './thesaurus-business.js';
import { CONSTRUCTION_THESAURUS } from './thesaurus-construction.js';
import { LAND_THESAURUS } from './thesaurus-land.js';
import { OTHER_THESAURUS } from './thesaurus-other.js';
import { PEOPLE_THESAURUS } from './thesaurus-people.js';

/**
 * Everyday ↔ administrative thesaurus, per field group (one file per area: thesaurus-land.ts, -construction,
 * -business, -people (civil status, certification, social protection, insurance, residence), -other). A question's
 * everyday words are kept and the administrative terms are added beside them (a weaker weight), so a question
 * matches the catalog's wording without losing its own. Unlike `synonyms.ts` (exact rewrites applied to the catalog as well), these are
 * question-side bridges: one everyday phrase may lead to several administrative terms.
 *
 * Sources: the catalog's own names, results and components (data/procedures/catalog.json); the terms of the
 * Land Law 2024 (biến động, chuyển nhượng, thừa kế, tặng cho, tách thửa, hợp thửa, biện pháp bảo đảm), the
 * Construction Law 2014/2020 (giấy phép xây dựng mới / sửa chữa, cải tạo / di dời, gia hạn, cấp lại), the
 * Civil Status Law 2014 (khai sinh, khai tử, giám hộ, nhận cha mẹ con, trích lục), Decree 23/2015 on
 * certification (chứng thực bản sao, chữ ký, hợp đồng, giao dịch), Decree 20/2021 on social assistance (trợ
 * cấp xã hội hằng tháng, mai táng), the Social Insurance Law 2024 (thai sản, ốm đau, tử tuất, hưu trí, một lần)
 * and everyday usage at commune counters (regional words of the South and the North: má, tía, hổng, ba, bố).
 */

/** Everyday phrase → administrative terms ("a|b": either), per field group. */
export type ThesaurusGroups = Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>;

/** The groups in their historical order (entries of one length keep it). */
const GROUPS: ThesaurusGroups = {
  ...LAND_THESAURUS,
  ...CONSTRUCTION_THESAURUS,
  ...BUSINESS_THESAURUS,
  ...PEOPLE_THESAURUS,
  ...OTHER_THESAURUS,
};

export type ThesaurusEntry = { group: string; everyday: string[]; admin: string[][] };

/** Every entry, folded, the longest everyday phrase first. */
export const THESAURUS: ReadonlyArray<ThesaurusEntry> = Object.entries(GROUPS)
  .flatMap(([group, pairs]) =>
    pairs.map(([everyday, admin]) => ({
      group,
      everyday: normalizeText(everyday).split(' '),
      admin: admin.split('|').map((a) => normalizeText(a).split(' ')),
    })),
  )
  .sort((a, b) => b.everyday.length - a.everyday.length);

export type Bridge = { at: number; length: number; admin: string[][] };

/** Everyday phrases found in folded question tokens (longest first, not overlapping) and their admin terms. */
export function findBridges(tokens: ReadonlyArray<string>): Bridge[] {
  const out: Bridge[] = [];
  const used = new Set<number>();
  for (const e of THESAURUS) {
    for (let i = 0; i + e.everyday.length <= tokens.length; i++) {
      const length = matchLength(tokens, i, e.everyday);
      if (length === 0) continue;
      const same = out.find((b) => b.at === i && b.length === length);
      if (same) same.admin.push(...e.admin);
      else if (Array.from({ length }, (_, k) => i + k).every((k) => !used.has(k))) {
        out.push({ at: i, length, admin: [...e.admin] });
        for (let k = 0; k < length; k++) used.add(i + k);
      }
    }
  }
  return out;
}

/** Words that may stand inside an everyday phrase without changing it ("mở thêm chi nhánh", "làm cái sổ"). */
const FILLERS: ReadonlySet<string> = new Set(['them', 'cai', 'mot']);

/** Tokens an everyday phrase spans from `at` (one filler word allowed after its first word), or 0. */
function matchLength(tokens: ReadonlyArray<string>, at: number, phrase: ReadonlyArray<string>): number {
  if (tokens[at] !== phrase[0]) return 0;
  let skip = 0;
  if (phrase.length > 1 && tokens[at + 1] !== phrase[1] && FILLERS.has(tokens[at + 1] ?? '')) skip = 1;
  for (let k = 1; k < phrase.length; k++) if (tokens[at + k + skip] !== phrase[k]) return 0;
  return phrase.length + skip;
}
