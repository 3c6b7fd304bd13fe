/**
 * Build the labelled set of noisy old addresses used to measure address conversion:
 *
 *   npx tsx scripts/admin-units-labelled-set.ts [--count 1000] [--seed 20250701]
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

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COUNT = flag('--count', 1000);
const SEED = flag('--seed', 20250701);

const raw = JSON.parse(readFileSync('data/admin-units/vn-admin-units-2025-07-01.json', 'utf8')) as RawAdminUnitsFile;

// mulberry32: small deterministic PRNG.
let state = SEED >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
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
  about:
    'Noisy old (pre-2025-07-01) addresses generated from the official mapping by scripts/admin-units-labelled-set.ts; expected = new commune codes on 2025-07-01 (several when the old commune was split).',
  seed: SEED,
  count: items.length,
  items,
};
writeFileSync('data/admin-units/address-conversion-labelled.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(
  `wrote ${items.length} addresses (${items.filter((i) => i.share === 'partial').length} from split communes)`,
);
