import { foldText } from '../text/fold.js';
import type { UnitLevel } from './unit-model.js';
import { expandAbbreviations, foldName } from './unit-text.js';

/**
 * Splitting a free-text address into typed segments: commune, district, province, or street detail (house number,
 * road, hamlet, group). Components may come in any order ("Long An, TX. Kiến Tường, Xã Thạnh Hưng"), separated by
 * commas, ">", " - ", or nothing but their type words; upper case and missing accents are folded away.
 */

export type Hint = UnitLevel | 'province_or_district' | 'detail' | undefined;
export type Segment = { hint: Hint; name: string; word?: string };

const KEYWORDS: Array<[string, Hint]> = [
  ['thanh pho', 'province_or_district'],
  ['thi tran', 'commune'],
  ['thi xa', 'district'],
  ['dac khu', 'commune'],
  ['phuong', 'commune'],
  ['tinh', 'province'],
  ['quan', 'district'],
  ['huyen', 'district'],
  ['xa', 'commune'],
  // Street detail: roads ("tỉnh lộ 10" is a road, not a province), house numbers, hamlets and groups.
  ['tinh lo', 'detail'],
  ['quoc lo', 'detail'],
  ['xa lo', 'detail'],
  ['duong tinh', 'detail'],
  ['duong', 'detail'],
  ['pho', 'detail'],
  ['ngo', 'detail'],
  ['ngach', 'detail'],
  ['hem', 'detail'],
  ['kiet', 'detail'],
  ['so nha', 'detail'],
  ['so', 'detail'],
  ['km', 'detail'],
  ['ql', 'detail'],
  ['tl', 'detail'],
  ['to dan pho', 'detail'],
  ['khu pho', 'detail'],
  ['khu dan cu', 'detail'],
  ['kp', 'detail'],
  ['to', 'detail'],
  ['khu', 'detail'],
  ['ap', 'detail'],
  ['thon', 'detail'],
  ['xom', 'detail'],
  ['ban', 'detail'],
  ['khom', 'detail'],
  ['lang', 'detail'],
];
const HINT_OF = new Map(KEYWORDS);
/** Detail words that are never part of a unit's name. */
const ALWAYS_DETAIL = new Set([
  'tinh lo',
  'quoc lo',
  'xa lo',
  'duong tinh',
  'so nha',
  'to dan pho',
  'khu pho',
  'khu dan cu',
]);
/** Hamlets and groups, whose number ends them ("thôn 8 Vân Tiến" = thôn 8 of Vân Tiến). */
const HAMLETS = new Set(['thon', 'ap', 'to', 'khu', 'xom', 'ban', 'khom', 'kp', 'khu pho', 'to dan pho']);
/** A house, road or hamlet number: "5", "12a", "1a", "iv". */
const NUMBER = /^(\d+[a-z]?|[ivx]+)$/;
// Longest first, so "tinh lo" wins over "tinh" and "khu pho" over "khu".
const KEYWORD_RE = new RegExp(
  `(?:^| )(${KEYWORDS.map(([k]) => k)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?= |$)`,
  'g',
);
/** A type word abbreviated to its letters without a dot at the start of a component ("P Hoa Nghia"). */
const BARE_TYPES: Readonly<Record<string, string>> = {
  p: 'phuong',
  q: 'quan',
  h: 'huyen',
  x: 'xa',
  t: 'tinh',
  tx: 'thi xa',
  tt: 'thi tran',
};
const BARE_TYPE = /^(p|q|h|x|t|tx|tt) (?=[a-z])/;
/** Separators between components: comma, semicolon, new line, bar, ">" and a dash between spaces. */
const SEPARATORS = /[,;\n|>]+|\s[-–—]+\s|\s[-–—]+(?=\S)|(?<=\S)[-–—]+\s/;

/** Marks a word of a unit's name that would otherwise read as a type or detail word; removed from the segments. */
const GLUE = 'zzq';
const TYPE_OR_DETAIL = new Set(KEYWORDS.map(([k]) => k).filter((k) => !k.includes(' ')));

/**
 * Names of units holding a keyword inside them ("Đông Phương Yên", "Tam Quan Bắc", "San Xả Hồ") or made of one
 * ("Bản Cầm", "Phương Mai") keep it as a name: a rewrite of folded addresses that glues such a keyword to a mark
 * so the parser does not split there. A keyword inside a name is glued wherever the whole name is written; one
 * that begins a name only when the name is a whole component (after a separator, the start, or a type word), as
 * "phuong mai dich" is Phường Mai Dịch. For the converter (built from the unit names in force and before 2025).
 */
export function protectedNames(folded: ReadonlyArray<string>): (text: string) => string {
  const innerNames = new Set<string>();
  const leadingNames = new Set<string>();
  for (const n of folded) {
    const words = n.split(' ');
    if (words.length < 2) continue;
    if (words.slice(1, -1).some((w) => TYPE_OR_DETAIL.has(w))) innerNames.add(n);
    if (TYPE_OR_DETAIL.has(words[0]!) && !/\d/.test(n)) leadingNames.add(n);
  }
  const alt = (xs: Set<string>) => [...xs].sort((a, b) => b.length - a.length).join('|');
  const end = '(?=\\s*(?:[,;\\n|>]|\\s[-–—]|$))';
  const types = 'thanh pho|thi tran|thi xa|phuong|quan|huyen|xa|tinh|p|q|h|x|tx|tt';
  const innerRe = innerNames.size ? new RegExp(`(?<=^|[^a-z0-9])(${alt(innerNames)})(?![a-z0-9])`, 'g') : null;
  const leadingRe = leadingNames.size
    ? new RegExp(`(?<=^|[,;\\n|>]\\s*|\\s[-–—]\\s*|(?:^|\\s)(?:${types})\\.?\\s)(${alt(leadingNames)})${end}`, 'g')
    : null;
  const glue = (name: string) =>
    name
      .split(' ')
      .map((w, k) => (TYPE_OR_DETAIL.has(w) && k < name.split(' ').length - 1 ? `${w}${GLUE}` : w))
      .join(' ');
  return (text) => {
    let out = innerRe ? text.replace(innerRe, glue) : text;
    if (leadingRe) out = out.replace(leadingRe, glue);
    return out;
  };
}

/**
 * Split a free-text address into typed segments, right-most last. `joined` rewrites names that contain a dash
 * ("Bà Rịa - Vũng Tàu", "Văn Miếu - Quốc Tử Giám") so the dash is not read as a separator. Exported for tests.
 */
export function parseAddress(text: string, joined?: (folded: string) => string): Segment[] {
  let expanded = expandAbbreviations(foldText(text));
  if (joined) expanded = joined(expanded);
  const out: Segment[] = [];
  const parts = expanded
    .split(SEPARATORS)
    .map((p) => foldName(p ?? '').replace(BARE_TYPE, (_, t: string) => `${BARE_TYPES[t]} `))
    .filter(Boolean);
  parts.forEach((clean, partIndex) => {
    const marks: Array<{ at: number; end: number; hint: Hint }> = [];
    for (const m of clean.matchAll(KEYWORD_RE)) {
      const at = m.index + (m[0].startsWith(' ') ? 1 : 0);
      const prev = marks.at(-1);
      // "Xã Lộ 25" is a commune: the highways called "xa lộ" have names ("Xa lộ Hà Nội"), not bare numbers.
      if (m[1] === 'xa lo' && /^ \d+$/.test(clean.slice(at + 5))) {
        marks.push({ at, end: at + 2, hint: 'commune' });
        continue;
      }
      const hint = HINT_OF.get(m[1]!);
      // A detail word that can also begin a name ("Lạng Sơn", "Dương Minh Châu", "Ngô Quyền") marks detail only
      // before a number ("tổ 3", "số 5"), or, for a hamlet or group, at the start of a part that is not the last
      // one ("Ấp Bình An, …").
      if (hint === 'detail' && !ALWAYS_DETAIL.has(m[1]!)) {
        const next =
          clean
            .slice(at + m[1]!.length)
            .trim()
            .split(' ')[0] ?? '';
        if (!NUMBER.test(next) && !(at === 0 && partIndex < parts.length - 1 && HAMLETS.has(m[1]!))) continue;
      }
      // A keyword right after a keyword is part of a name ("xa xa phien" = Xã Xà Phiên, "xa ban lau").
      if (prev && clean.slice(prev.end, at).trim() === '') continue;
      // Inside street detail, only an administrative type word ends it ("thôn Đông Phường" stays a hamlet
      // only when no type word follows; "tổ 3 khu 4" is one detail).
      if (prev?.hint === 'detail' && hint === 'detail') continue;
      marks.push({ at, end: at + m[1]!.length, hint });
    }
    // A keyword with nothing after it ends a name ("ha tinh", "binh xa", "xuan phuong").
    for (let k = marks.length - 1; k >= 0; k--) {
      const next = marks[k + 1]?.at ?? clean.length;
      if (clean.slice(marks[k]!.end, next).trim() === '' && (k > 0 || marks[k]!.at > 0)) marks.splice(k, 1);
    }
    if (marks.length === 0) {
      out.push({ hint: undefined, name: clean });
      return;
    }
    const head = clean.slice(0, marks[0]!.at).trim();
    if (head) out.push({ hint: undefined, name: head });
    marks.forEach((mk, i) => {
      const name = clean.slice(mk.end, marks[i + 1]?.at ?? clean.length).trim();
      if (!name) return;
      const word = clean.slice(mk.at, mk.end);
      if (mk.hint !== 'detail') {
        out.push({ hint: mk.hint, name, word });
        return;
      }
      // "thôn 8 vân tiến": a numbered hamlet or group ends with its number; the rest is a name.
      const numbered = HAMLETS.has(word) ? name.match(/^(\d+[a-z]?)(?: (.+))?$/) : null;
      const rest = numbered?.[2];
      if (rest && !HINT_OF.has(rest.split(' ')[0]!)) {
        out.push({ hint: 'detail', name: `${word} ${numbered![1]}`, word });
        out.push({ hint: undefined, name: rest });
      } else out.push({ hint: 'detail', name: `${word} ${name}`, word });
    });
  });
  return out.map((seg) => (seg.name.includes(GLUE) ? { ...seg, name: seg.name.replaceAll(GLUE, '') } : seg));
}

const RANK: Partial<Record<NonNullable<Hint>, number>> = {
  commune: 1,
  district: 2,
  province_or_district: 2.5,
  province: 3,
};

/**
 * Put the components smallest first (street detail, commune, district, province), whatever order they were
 * written in: an address that starts with its province ("Long An, TX. Kiến Tường, Xã Thạnh Hưng") is read
 * backwards. `isProvince` tells whether an untyped segment names a province.
 */
export function orderSegments(segments: Segment[], isProvince: (name: string) => boolean): Segment[] {
  const units = segments.filter((s) => s.hint !== 'detail');
  if (units.length < 2) return segments;
  const rank = (s: Segment) => RANK[s.hint as keyof typeof RANK] ?? (isProvince(s.name) ? 3 : undefined);
  const first = rank(units[0]!);
  const last = rank(units.at(-1)!);
  const reversed = first !== undefined && first >= 2.5 && (last === undefined ? true : last < first);
  if (!reversed || (last !== undefined && last >= 2.5)) return segments;
  return [...segments.filter((s) => s.hint === 'detail'), ...units.reverse()];
}
