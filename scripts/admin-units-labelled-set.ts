/**
 * Build the labelled set of noisy old addresses used to measure address conversion:
 *
 *   npx tsx scripts/admin-units-labelled-set.ts [--count 1000] [--seed 20250701]
 *   npx tsx scripts/admin-units-labelled-set.ts --styles --count 600 --seed 20261130 --out address-conversion-styles.json
 *   npx tsx scripts/admin-units-labelled-set.ts --styles --count 600 --seed 20261201 --out address-conversion-styles-holdout.json
 *
 * `--styles` (issue 18) writes the harder styles instead, each address one style or two: components in reverse
 * order (province first), separated by " > " or " - ", all caps, a road ("Tỉnh lộ 10", "Quốc lộ 1A") or a
 * hamlet / group ("Tổ 3", "Khu 4", "Ấp Bình An", "Thôn 2") in front, and names the data stores abbreviated
 * written in full ("Thị trấn Nông trường Lệ Ninh" for "NT Lệ Ninh"). Half the addresses come from split communes.
 * The seed-20261130 file was used while improving the parser; the seed-20261201 file was generated after and only
 * measured (held out). Third round: `--styles2 --seed 20261202` (used while fixing) and `--seed 20261203`
 * (generated after the fixes, measured only):
 *   npx tsx scripts/admin-units-labelled-set.ts --styles2 --count 800 --seed 20261202 --out address-conversion-styles2.json
 *   npx tsx scripts/admin-units-labelled-set.ts --styles2 --count 800 --seed 20261203 --out address-conversion-styles2-holdout.json
 *
 * Each address is generated from one row of the official old→new mapping (wardMap) of
 * data/admin-units/vn-admin-units-2025-07-01.json, so its label (the new commune codes) is the mapping itself.
 * Noise, each with its own probability: accents removed, type words abbreviated (TP., Q., H., P., X., TX., TT.)
 * or dropped, one typo in a name, district or province left out, a house number / street / village in front,
 * no commas, lower or upper case. Deterministic: the same seed gives the same file.
 * Writes data/admin-units/address-conversion-labelled.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RawAdminUnitsFile } from '@mot-cua/core';
import { seededRandom } from './seeded-random.js';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COUNT = flag('--count', 1000);
const SEED = flag('--seed', 20250701);
const STYLES = args.includes('--styles') || args.includes('--styles2');
/**
 * `--styles2` (issue 18, third round): the styles above plus type words written as bare letters ("P Hoa Nghia",
 * "TP Hai Phong", "H Dinh Quan", "X Gia Canh"), up to three styles on one address, and names the data
 * abbreviates written either way ("NT Lệ Ninh", "Nông trường Lệ Ninh"). The old seeds without it reproduce their
 * files unchanged.
 */
const STYLES2 = args.includes('--styles2');
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'address-conversion-labelled.json';

const raw = JSON.parse(readFileSync('data/admin-units/vn-admin-units-2025-07-01.json', 'utf8')) as RawAdminUnitsFile;

const rand = seededRandom(SEED);
const chance = (p: number) => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const stripAccents = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

const ABBREVIATIONS: Array<[RegExp, string[]]> = [
  [/^Thành phố /, ['TP. ', 'TP ', 'Tp.']],
  [/^Thị xã /, ['TX. ', 'TX ']],
  [/^Thị trấn /, ['TT. ', 'TT ']],
  [/^Quận /, ['Q. ', 'Q.', 'Q']],
  [/^Huyện /, ['H. ', 'H.']],
  [/^Phường /, ['P. ', 'P.', 'P']],
  [/^Xã /, ['X. ', 'X.']],
  [/^Tỉnh /, ['T. ', '']],
];
const TYPE_WORD = /^(Thành phố|Thị xã|Thị trấn|Quận|Huyện|Phường|Xã|Tỉnh) /;

/**
 * Abbreviate or drop the type word. Numeric names ("Quận 1") keep a type word, else they mean nothing; the
 * glued forms ("Q1", "P4") are only written before numbers.
 */
function typeWord(fullName: string, noise: string[]): string {
  const numeric = /\d/.test(fullName.replace(TYPE_WORD, ''));
  if (chance(0.35)) {
    for (const [re, forms] of ABBREVIATIONS) {
      if (re.test(fullName)) {
        const form = pick(forms.filter((f) => numeric || f === '' || /[. ]$/.test(f)));
        if (numeric && form === '') return fullName;
        noise.push(form === '' ? 'type_dropped' : 'abbreviated');
        return fullName.replace(re, form);
      }
    }
  }
  if (!numeric && chance(0.15)) {
    noise.push('type_dropped');
    return fullName.replace(TYPE_WORD, '');
  }
  return fullName;
}

/** One typo in the name part: swap two letters, drop one, or double one. */
function typo(fullName: string): string {
  const m = fullName.match(TYPE_WORD);
  const prefix = m ? m[0] : '';
  const name = fullName.slice(prefix.length);
  if (name.length < 6 || /\d/.test(name)) return fullName;
  const i = 1 + Math.floor(rand() * (name.length - 2));
  if (name[i] === ' ' || name[i + 1] === ' ') return fullName;
  const k = rand();
  const t =
    k < 0.4
      ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)
      : k < 0.7
        ? name.slice(0, i) + name.slice(i + 1)
        : name.slice(0, i) + name[i] + name.slice(i);
  return prefix + t;
}

const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt'];
function detail(): string {
  const k = rand();
  if (k < 0.35) return `Số ${1 + Math.floor(rand() * 200)} đường ${pick(STREETS)}`;
  if (k < 0.6) return `Thôn ${1 + Math.floor(rand() * 12)}`;
  if (k < 0.8) return `Ấp ${pick(['Bình An', 'Tân Hòa', 'Phú Lợi', 'Long Thạnh'])}`;
  return `Tổ ${1 + Math.floor(rand() * 30)}`;
}

const districts = new Map(raw.oldDistricts.map((d) => [d.code, d]));
const provinces = new Map(raw.oldProvinces.map((p) => [p.code, p]));
const targets = new Map<string, { codes: string[]; share: 'full' | 'partial' }>();
for (const m of raw.wardMap) {
  if (m.oldLevel !== 'ward') continue;
  const t = targets.get(m.oldCode) ?? { codes: [], share: m.type };
  t.codes.push(m.newWardCode);
  if (m.type === 'partial') t.share = 'partial';
  targets.set(m.oldCode, t);
}
const communes = raw.oldWards;
const splitOnes = communes.filter((w) => targets.get(w.code)?.share === 'partial');

type Item = {
  address: string;
  oldCode: string;
  expected: string[];
  share: 'full' | 'partial';
  noise: string[];
};
const items: Item[] = [];
const seen = new Set<string>();
const STYLE_KINDS = ['reversed', 'sep_gt', 'sep_dash', 'upper_case', 'road', 'hamlet'] as const;
const ROADS = ['Tỉnh lộ 10', 'Quốc lộ 1A', 'QL 14', 'Tỉnh lộ 8', 'Đường tỉnh 741', 'Km 12 Quốc lộ 20'];
const HAMLETS = ['Tổ 3', 'Tổ dân phố 5', 'Khu 4', 'Khu phố 2', 'Ấp Bình An', 'Thôn 2', 'Xóm 6', 'Ấp 3'];
const expandStored = (fullName: string) =>
  STYLES2 && rand() < 0.3 ? fullName : fullName.replace(/ N\.?T /, ' Nông trường ');
const BARE: Array<[RegExp, string]> = [
  [/^Thành phố /, 'TP '],
  [/^Thị xã /, 'TX '],
  [/^Thị trấn /, 'TT '],
  [/^Quận /, 'Q '],
  [/^Huyện /, 'H '],
  [/^Phường /, 'P '],
  [/^Xã /, 'X '],
];
/** The type word as a bare letter or two, no dot ("P Hoa Nghia"). */
const bareType = (fullName: string) => {
  for (const [re, form] of BARE) if (re.test(fullName)) return fullName.replace(re, form);
  return fullName;
};
const storedAbbreviated = communes.filter((c) => / N\.?T /.test(c.fullName));
function styled(): Item {
  const k = rand();
  const w = k < 0.05 ? pick(storedAbbreviated) : k < 0.5 ? pick(communes) : pick(splitOnes);
  const d = districts.get(w.districtCode)!;
  const p = provinces.get(w.provinceCode)!;
  const noise: string[] = [];
  let parts = [expandStored(w.fullName), d.fullName, p.fullName];
  if (parts[0] !== w.fullName) noise.push('stored_abbreviation');
  else if (/ N\.?T /.test(w.fullName)) noise.push('stored_abbreviation_as_stored');
  let kinds: Set<string>;
  if (!STYLES2) {
    // (this order of random draws reproduces the seed-20261130 and 20261201 files)
    parts = parts.map((x) => typeWord(x, noise));
    kinds = new Set([pick(STYLE_KINDS), ...(rand() < 0.4 ? [pick(STYLE_KINDS)] : [])]);
  } else {
    const kindList = [...STYLE_KINDS, 'bare_type'];
    kinds = new Set([
      pick(kindList),
      ...(rand() < 0.4 ? [pick(kindList)] : []),
      ...(rand() < 0.25 ? [pick(kindList)] : []),
    ]);
    parts = kinds.has('bare_type') ? parts.map(bareType) : parts.map((x) => typeWord(x, noise));
  }
  if (kinds.has('road')) parts.unshift(`Số ${1 + Math.floor(rand() * 300)} ${pick(ROADS)}`);
  else if (kinds.has('hamlet')) parts.unshift(pick(HAMLETS));
  if (kinds.has('reversed')) parts.reverse();
  const sep = kinds.has('sep_gt') ? ' > ' : kinds.has('sep_dash') ? ' - ' : ', ';
  let address = parts.join(sep);
  if (rand() < 0.4) {
    address = stripAccents(address);
    noise.push('no_accents');
  }
  if (kinds.has('upper_case')) address = address.toUpperCase();
  const t = targets.get(w.code)!;
  return {
    address,
    oldCode: w.code,
    expected: [...t.codes].sort(),
    share: t.share,
    noise: [...new Set([...kinds, ...noise])],
  };
}
while (STYLES && items.length < COUNT) {
  const it = styled();
  if (seen.has(it.address)) continue;
  seen.add(it.address);
  items.push(it);
}
while (items.length < COUNT) {
  const w = items.length < COUNT * 0.8 ? pick(communes) : pick(splitOnes);
  const d = districts.get(w.districtCode)!;
  const p = provinces.get(w.provinceCode)!;
  const noise: string[] = [];
  let parts = [w.fullName, d.fullName, p.fullName];
  if (chance(0.25)) {
    const at = chance(0.6) ? 0 : 1;
    parts[at] = typo(parts[at]!);
    if (parts[at] !== [w.fullName, d.fullName][at]) noise.push('typo');
  }
  parts = parts.map((x) => typeWord(x, noise));
  if (chance(0.15)) {
    parts.splice(1, 1);
    noise.push('no_district');
  } else if (chance(0.1)) {
    parts.pop();
    noise.push('no_province');
  }
  if (chance(0.4)) {
    parts.unshift(detail());
    noise.push('street');
  }
  const noCommas = chance(0.12);
  let address = noCommas ? parts.join(' ') : parts.join(', ');
  if (noCommas) noise.push('no_commas');
  if (chance(0.5)) {
    address = stripAccents(address);
    noise.push('no_accents');
  }
  const k = rand();
  if (k < 0.25) {
    address = address.toLowerCase();
    noise.push('lower_case');
  } else if (k < 0.32) {
    address = address.toUpperCase();
    noise.push('upper_case');
  }
  if (seen.has(address)) continue;
  seen.add(address);
  const t = targets.get(w.code)!;
  items.push({ address, oldCode: w.code, expected: [...t.codes].sort(), share: t.share, noise: [...new Set(noise)] });
}

const out = {
  about: `${STYLES ? 'Old addresses in harder styles (reversed, ">" or " - " separated, all caps, roads and hamlets in front, names the data abbreviates written in full)' : 'Noisy old (pre-2025-07-01) addresses'} generated from the official mapping by scripts/admin-units-labelled-set.ts; expected = new commune codes on 2025-07-01 (several when the old commune was split).`,
  seed: SEED,
  count: items.length,
  items,
};
writeFileSync(`data/admin-units/${OUT}`, `${JSON.stringify(out, null, 1)}\n`);
console.log(
  `wrote ${items.length} addresses (${items.filter((i) => i.share === 'partial').length} from split communes)`,
);
