import { normalizeText } from './text.js';

/**
 * Abbreviations and everyday words rewritten to the catalog's wording, applied to queries and to catalog
 * text alike (the catalog itself writes "TNLĐ", "BHXH"). Folded forms; the longest match wins at each place.
 * Keys are whole word sequences: "so do" (sổ đỏ) is rewritten, "so" alone is not.
 */
const RULES: ReadonlyArray<readonly [string, string]> = [
  // Abbreviations
  ['dkkd', 'dang ky kinh doanh'],
  ['gcnqsdd', 'giay chung nhan quyen su dung dat'],
  ['gcn qsdd', 'giay chung nhan quyen su dung dat'],
  ['gcn', 'giay chung nhan'],
  ['qsdd', 'quyen su dung dat'],
  ['qsd dat', 'quyen su dung dat'],
  ['cccd', 'the can cuoc'],
  ['can cuoc cong dan', 'the can cuoc'],
  ['the can cuoc cong dan', 'the can cuoc'],
  ['cmnd', 'chung minh nhan dan'],
  ['cmt', 'chung minh nhan dan'],
  ['chung minh thu', 'chung minh nhan dan'],
  ['hkd', 'ho kinh doanh'],
  ['gplx', 'giay phep lai xe'],
  ['bang lai xe', 'giay phep lai xe'],
  ['bang lai', 'giay phep lai xe'],
  ['bhyt', 'bao hiem y te'],
  ['bhxh', 'bao hiem xa hoi'],
  ['bhtn', 'bao hiem that nghiep'],
  ['gpxd', 'giay phep xay dung'],
  ['ubnd', 'uy ban nhan dan'],
  ['tnld', 'tai nan lao dong'],
  ['bnn', 'benh nghe nghiep'],
  ['kcb', 'kham chua benh'],
  ['lltp', 'ly lich tu phap'],
  ['dvc', 'dich vu cong'],
  ['dvcqg', 'cong dich vu cong quoc gia'],
  ['htx', 'hop tac xa'],
  ['dn', 'doanh nghiep'],
  ['tnhh', 'trach nhiem huu han'],
  ['pccc', 'phong chay chua chay'],
  ['vneid', 'tai khoan dinh danh dien tu'],
  ['kt3', 'tam tru'],
  ['nld', 'nguoi lao dong'],
  // Abbreviations the catalog's own names use, expanded as the catalog writes them elsewhere (so a question in
  // full words finds "nghỉ DSPHSK", "thuế GTGT"): found by listing the upper-case words of every record's name.
  ['dsphsk', 'duong suc phuc hoi suc khoe'],
  ['bhtnld', 'bao hiem tai nan lao dong'],
  ['gtgt', 'gia tri gia tang'],
  ['tncn', 'thu nhap ca nhan'],
  ['tndn', 'thu nhap doanh nghiep'],
  ['ttdb', 'tieu thu dac biet'],
  ['nsnn', 'ngan sach nha nuoc'],
  ['kbnn', 'kho bac nha nuoc'],
  ['nhnn', 'ngan hang nha nuoc'],
  ['dtqg', 'du tru quoc gia'],
  ['cqt', 'co quan thue'],
  ['dncx', 'doanh nghiep che xuat'],
  // Everyday words for catalog terms
  ['so do', 'giay chung nhan quyen su dung dat'],
  ['so hong', 'giay chung nhan quyen su dung dat quyen so huu nha o'],
  ['bia do', 'giay chung nhan quyen su dung dat'],
  ['nhap ho khau', 'dang ky thuong tru'],
  ['nhap khau cho', 'dang ky thuong tru cho'],
  ['cat ho khau', 'xoa dang ky thuong tru'],
  ['cat khau', 'xoa dang ky thuong tru'],
  ['chuyen ho khau', 'dang ky thuong tru'],
  ['tach ho khau', 'tach ho'],
  ['tach khau', 'tach ho'],
  ['ho khau', 'thuong tru'],
  ['so ho khau', 'thuong tru'],
  ['giay bao tu', 'khai tu'],
  ['giay chung tu', 'khai tu'],
  ['xac nhan doc than', 'xac nhan tinh trang hon nhan'],
  ['giay doc than', 'xac nhan tinh trang hon nhan'],
  ['chung nhan doc than', 'xac nhan tinh trang hon nhan'],
  ['photo cong chung', 'chung thuc ban sao tu ban chinh'],
  ['cong chung ban sao', 'chung thuc ban sao tu ban chinh'],
  ['sao y ban chinh', 'chung thuc ban sao tu ban chinh'],
  ['sao y', 'chung thuc ban sao'],
  ['chung thu chu ky', 'chung thuc chu ky'],
  ['cuoi vo', 'ket hon'],
  ['lay vo', 'ket hon'],
  ['lay chong', 'ket hon'],
  ['cuoi nhau', 'ket hon'],
  ['ly di', 'ly hon'],
  ['giay phep xay nha', 'giay phep xay dung'],
  ['xay nha', 'xay dung nha o'],
  ['sua nha', 'sua chua cai tao'],
  ['bang lai', 'giay phep lai xe'],
  ['dinh danh muc 2', 'tai khoan dinh danh dien tu muc do 02'],
  ['dinh danh muc do 2', 'tai khoan dinh danh dien tu muc do 02'],
  ['muc do 2', 'muc do 02'],
  ['muc 2', 'muc do 02'],
  ['ho ngheo', 'ho ngheo'],
  ['tro cap xa hoi', 'tro cap xa hoi'],
  ['mai tang phi', 'mai tang'],
  ['tien mai tang', 'mai tang'],
  ['chi phi mai tang', 'chi phi mai tang'],
  ['lam mat', 'cap lai'],
  ['bi mat', 'cap lai'],
  ['danh mat', 'cap lai'],
  ['lam hong', 'cap doi'],
  ['bi hong', 'cap doi'],
  ['het han', 'cap doi'],
  ['tam ngung', 'tam ngung'],
  ['dong cua', 'cham dut hoat dong'],
  ['giai the', 'cham dut hoat dong'],
  ['thoi kinh doanh', 'cham dut hoat dong ho kinh doanh'],
  ['nghi kinh doanh', 'tam ngung kinh doanh'],
  ['karaoke', 'karaoke'],
  ['xe may', 'xe'],
  ['o to', 'xe'],
  ['xe oto', 'xe'],
  ['oto', 'xe'],
  ['cavet', 'chung nhan dang ky xe'],
  ['ca vet', 'chung nhan dang ky xe'],
  ['dang ki', 'dang ky'],
  ['ky ket hon', 'ky ket hon'],
  ['khai sanh', 'khai sinh'],
  // Southern and spoken negation ("hổng có", "ko có"): the same "không" the cues and the thesaurus read.
  ['hong co', 'khong co'],
  ['hong biet', 'khong biet'],
  ['hong duoc', 'khong duoc'],
  ['ko', 'khong'],
  ['hok', 'khong'],
  // Southern "lãnh" for "lĩnh" (receiving a payment), only before what is received ("lãnh đạo", "lãnh sự" stay)
  ['lanh luong', 'linh luong'],
  ['lanh tien', 'linh tien'],
  ['lanh tro cap', 'linh tro cap'],
  ['lanh che do', 'linh che do'],
  ['lanh bao hiem', 'linh bao hiem'],
  ['lanh thay', 'linh thay'],
  ['lanh dum', 'linh thay'],
  ['lanh gium', 'linh thay'],
  ['giay khai sanh', 'giay khai sinh'],
];

type Rule = { from: string[]; to: string[] };

const compiled: Rule[] = RULES.map(([from, to]) => ({
  from: normalizeText(from).split(' '),
  to: normalizeText(to).split(' '),
}))
  .filter((r) => r.from.join(' ') !== r.to.join(' '))
  .sort((a, b) => b.from.length - a.from.length);

const byFirst = new Map<string, Rule[]>();
for (const r of compiled) {
  const list = byFirst.get(r.from[0]!) ?? [];
  list.push(r);
  byFirst.set(r.from[0]!, list);
}

export type Rewrite = { from: string; to: string };

/** Rewrite abbreviations and everyday words in folded tokens; reports each rewrite. */
export function expandSynonyms(tokens: ReadonlyArray<string>): { tokens: string[]; rewrites: Rewrite[] } {
  const out: string[] = [];
  const rewrites: Rewrite[] = [];
  let i = 0;
  while (i < tokens.length) {
    const rules = byFirst.get(tokens[i]!);
    const hit = rules?.find((r) => r.from.every((t, k) => tokens[i + k] === t));
    if (hit) {
      out.push(...hit.to);
      rewrites.push({ from: hit.from.join(' '), to: hit.to.join(' ') });
      i += hit.from.length;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return { tokens: out, rewrites };
}

/** Every word the rules know, so typo correction leaves them alone. */
export function synonymVocabulary(): Set<string> {
  const v = new Set<string>();
  for (const r of compiled) for (const t of [...r.from, ...r.to]) v.add(t);
  return v;
}
