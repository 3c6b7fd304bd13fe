import { normalizeText } from './text.js';

/**
 * Everyday ↔ administrative thesaurus, per field group. A question's everyday words are kept and the
 * administrative terms are added beside them (a weaker weight), so a question matches the catalog's wording
 * without losing its own. Unlike `synonyms.ts` (exact rewrites applied to the catalog as well), these are
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
const GROUPS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  land: [
    ['sang ten', 'chuyen nhuong|bien dong'],
    ['mua dat', 'chuyen nhuong quyen su dung dat'],
    ['ban dat', 'chuyen nhuong quyen su dung dat'],
    ['cho dat', 'tang cho quyen su dung dat'],
    ['tach so', 'tach thua'],
    ['chia dat', 'tach thua'],
    ['gop so', 'hop thua'],
    ['nhap thua', 'hop thua'],
    ['the chap', 'bien phap bao dam'],
    ['vay ngan hang', 'bien phap bao dam'],
    ['giai chap', 'xoa dang ky bien phap bao dam'],
    ['xoa the chap', 'xoa dang ky bien phap bao dam'],
    ['rut so', 'xoa dang ky bien phap bao dam'],
    ['tra no tien dat', 'thanh toan xoa no tien su dung dat'],
    ['tra no tien su dung dat', 'thanh toan xoa no tien su dung dat'],
    ['ban do dia chinh', 'do dac va ban do|cung cap thong tin du lieu'],
    ['lam so', 'cap giay chung nhan|dang ky dat dai'],
    ['do lai dat', 'do dac|dien tich tang them'],
    ['len tho cu', 'chuyen muc dich su dung dat'],
    ['chuyen dat vuon', 'chuyen muc dich su dung dat'],
    ['ruong', 'dat nong nghiep'],
    ['doi ruong', 'chuyen doi quyen su dung dat nong nghiep'],
    ['no tien dat', 'ghi no tien su dung dat'],
    ['tien dat', 'tien su dung dat'],
    ['ban do dat', 'ban do dia chinh|do dac va ban do'],
    ['xem quy hoach', 'cung cap thong tin quy hoach'],
    ['hien dat', 'tang cho quyen su dung dat'],
    ['tranh chap dat', 'hoa giai tranh chap dat dai|giai quyet tranh chap dat dai'],
    // Land Law 2024 art. 152: a certificate with a wrong entry is corrected ("đính chính … có sai sót").
    ['ghi sai', 'dinh chinh'],
    ['sai ten', 'dinh chinh'],
    ['sai thong tin', 'dinh chinh'],
    // Session 7 (task 18g): the field's everyday words for the catalog's own variants, one entry per everyday term
    // (Land Law 2024: cấp đổi art. 135 (old or worn certificate), biến động art. 133 (change of holder's name or
    // details, inheritance), diện tích tăng thêm / ranh giới art. 135, góp vốn bằng quyền sử dụng đất art. 27,
    // chuyển mục đích art. 121; wording checked against the catalog's names).
    ['doi so do', 'cap doi giay chung nhan'],
    ['doi so hong', 'cap doi giay chung nhan'],
    ['so do cu', 'cap doi giay chung nhan'],
    ['so hong cu', 'cap doi giay chung nhan'],
    ['so mau cu', 'cap doi giay chung nhan'],
    ['so do bi rach', 'cap doi giay chung nhan'],
    ['len dat o', 'chuyen muc dich su dung dat'],
    ['chuyen sang dat o', 'chuyen muc dich su dung dat'],
    ['chuyen thanh dat o', 'chuyen muc dich su dung dat'],
    ['thua ke dat', 'dang ky bien dong quyen su dung dat'],
    ['du dien tich', 'dien tich tang them'],
    ['lech ranh', 'thay doi ranh gioi'],
    ['doi ten tren so', 'thay doi thong tin ve nguoi su dung dat'],
    ['doi ten chu so', 'thay doi thong tin ve nguoi su dung dat'],
    ['gop von bang dat', 'gop von bang quyen su dung dat'],
    ['lan chiem', 'tranh chap dat dai'],
    // Land Law 2024 art. 30: a lease paid yearly turned into one paid once (or back) is "chuyển hình thức … thuê đất".
    ['tra tien hang nam', 'chuyen hinh thuc giao dat cho thue dat'],
    ['tra tien mot lan', 'chuyen hinh thuc giao dat cho thue dat'],
    // a house on a titled plot is "tài sản gắn liền với đất" (Land Law 2024 art. 131)
    ['nha vao so', 'dang ky tai san gan lien voi dat'],
    ['cap nhat thong tin tren so', 'thay doi thong tin ve nguoi su dung dat'],
    ['ban do dia hinh', 'san pham do dac va ban do'],
    ['tranh chap ranh gioi', 'tranh chap dat dai'],
  ],
  construction_housing: [
    ['xay nha', 'giay phep xay dung|nha o rieng le'],
    ['nha cap 4', 'cong trinh cap iv'],
    ['nha cap bon', 'cong trinh cap iv'],
    ['sua nha', 'sua chua cai tao'],
    ['nang tang', 'sua chua cai tao'],
    ['doi nha', 'di doi cong trinh'],
    ['chat cay', 'chat ha cay xanh'],
    ['nha tap the', 'nha o cu thuoc tai san cong'],
    ['nha nha nuoc', 'nha o thuoc tai san cong'],
    // Housing Law 2023: "nhà ở thuộc sở hữu nhà nước" (Housing Law 2014) is now "nhà ở thuộc tài sản công".
    ['so huu nha nuoc', 'tai san cong'],
    // Housing Law 2023 art. 45: "nhà ở công vụ" (everyday "nhà công vụ")
    ['nha cong vu', 'nha o cong vu'],
    ['nha xa hoi', 'nha o xa hoi'],
    ['moi gioi nha dat', 'moi gioi bat dong san'],
    // Session 7 (task 18g): Construction Law 2014/2020 art. 89–98 (giấy phép xây dựng mới, sửa chữa, cải tạo, di
    // dời, gia hạn, điều chỉnh, cấp lại), art. 148–149 (chứng chỉ hành nghề), Architecture Law 2019 art. 28, Law on
    // Real Estate Business 2023 (sàn giao dịch, môi giới), Housing Law 2023 (nhà chung cư, nhà ở của tổ chức, cá
    // nhân nước ngoài): everyday words for the catalog's terms.
    ['xin phep xay', 'giay phep xay dung'],
    // Construction Law art. 98: a licensed work whose design changes needs the licence adjusted ("điều chỉnh giấy phép")
    ['dieu chinh thiet ke', 'dieu chinh giay phep xay dung'],
    ['thay doi thiet ke', 'dieu chinh giay phep xay dung'],
    ['xay them tang', 'sua chua cai tao'],
    ['coi noi', 'sua chua cai tao'],
    ['noi tang', 'sua chua cai tao'],
    ['cai tao nha', 'sua chua cai tao'],
    ['dich nha', 'di doi cong trinh'],
    ['di chuyen nha', 'di doi cong trinh'],
    ['chung cu', 'nha chung cu'],
    ['nha cu cua nha nuoc', 'nha o cu thuoc tai san cong'],
    ['chung chi xay dung', 'chung chi hanh nghe hoat dong xay dung'],
    ['chung chi kien truc', 'chung chi hanh nghe kien truc'],
    ['kien truc su', 'chung chi hanh nghe kien truc'],
    ['moi gioi', 'moi gioi bat dong san'],
    ['san nha dat', 'san giao dich bat dong san'],
    ['san bat dong san', 'san giao dich bat dong san'],
    ['nha dat', 'bat dong san'],
    ['nguoi nuoc ngoai mua nha', 'so huu nha o tai viet nam'],
  ],
  business: [
    ['mo quan', 'ho kinh doanh'],
    ['mo tiem', 'ho kinh doanh'],
    ['mo cua hang', 'ho kinh doanh'],
    ['buon ban', 'ho kinh doanh'],
    ['ban hang', 'ho kinh doanh'],
    ['giay phep kinh doanh', 'giay chung nhan dang ky ho kinh doanh|giay chung nhan dang ky doanh nghiep'],
    ['mo cong ty', 'dang ky thanh lap doanh nghiep|dang ky thanh lap cong ty'],
    ['cong ty', 'doanh nghiep'],
    ['dong cua cong ty', 'giai the doanh nghiep'],
    ['nghi ban', 'tam ngung kinh doanh'],
    ['ban ruou', 'ban le ruou'],
    ['ban thuoc la', 'ban le san pham thuoc la'],
    ['mo chi nhanh', 'dang ky hoat dong chi nhanh'],
    ['gop von', 'von gop'],
    // Enterprise Law 2020, art. 80 and 202: a one-member company that admits a member becomes a multi-member one.
    ['nhan them nguoi gop von', 'chuyen doi cong ty trach nhiem huu han mot thanh vien'],
    ['them thanh vien', 'chuyen doi cong ty trach nhiem huu han mot thanh vien|thay doi thanh vien'],
    ['ban cong ty', 'chuyen nhuong doanh nghiep tu nhan|thay doi chu so huu'],
    // Session 7 (task 18g): Enterprise Law 2020 and Decree 168/2025 on business registration (đổi tên, địa chỉ
    // trụ sở chính, người đại diện theo pháp luật, vốn điều lệ, ngành nghề kinh doanh, tạm ngừng / tiếp tục kinh
    // doanh, địa điểm kinh doanh, chuyển đổi hộ kinh doanh thành doanh nghiệp), Investment Law 2020 (giấy chứng
    // nhận đăng ký đầu tư): everyday words for the catalog's terms.
    ['doi ten cong ty', 'doi ten cua doanh nghiep'],
    ['doi dia chi cong ty', 'dia chi tru so chinh'],
    ['chuyen tru so', 'dia chi tru so chinh'],
    ['doi tru so', 'dia chi tru so chinh'],
    ['doi giam doc', 'nguoi dai dien theo phap luat'],
    ['tang von', 'thay doi von dieu le'],
    ['giam von', 'thay doi von dieu le'],
    ['them nganh', 'thay doi nganh nghe kinh doanh'],
    ['bo sung nganh', 'thay doi nganh nghe kinh doanh'],
    ['doi nganh', 'thay doi nganh nghe kinh doanh'],
    ['kinh doanh lai', 'tiep tuc kinh doanh'],
    ['mo cua lai', 'tiep tuc kinh doanh'],
    ['dep tiem', 'cham dut hoat dong ho kinh doanh'],
    ['dep quan', 'cham dut hoat dong ho kinh doanh'],
    ['len doanh nghiep', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['chuyen len cong ty', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['chuyen thanh cong ty', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['mo them cua hang', 'dia diem kinh doanh'],
    ['mo them diem ban', 'dia diem kinh doanh'],
    ['giay phep dau tu', 'giay chung nhan dang ky dau tu'],
  ],
  civil_status: [
    ['de con', 'khai sinh'],
    ['sinh con', 'khai sinh'],
    ['giay chung tu', 'khai tu'],
    ['chet', 'khai tu'],
    ['qua doi', 'khai tu'],
    ['mat giay khai sinh', 'dang ky lai khai sinh|ban sao giay khai sinh'],
    ['dam cuoi', 'ket hon'],
    ['cuoi chong', 'ket hon'],
    ['di cuoi', 'ket hon'],
    ['lay chong', 'ket hon'],
    ['lay vo', 'ket hon'],
    ['con rieng', 'nhan cha me con|con nuoi'],
    ['nhan ba', 'nhan cha'],
    ['nhan con', 'nhan cha me con'],
    ['nuoi con', 'con nuoi'],
    ['doi ten', 'thay doi cai chinh ho tich'],
    ['sai ten', 'cai chinh ho tich'],
    ['ly hon o nuoc ngoai', 'ghi vao so ho tich viec ly hon'],
    ['cuoi o nuoc ngoai', 'ghi vao so ho tich viec ket hon'],
    ['quoc tich', 'quoc tich viet nam'],
    ['ly lich', 'ly lich tu phap'],
    ['xuong tan nha', 'luu dong'],
    ['tai nha', 'luu dong'],
  ],
  certification: [
    ['photo', 'ban sao'],
    ['cong chung', 'chung thuc|cong chung'],
    ['sao y', 'chung thuc ban sao tu ban chinh'],
    ['hoc ba', 'ban sao tu ban chinh giay to'],
    ['bang cap', 'ban sao tu ban chinh giay to'],
    ['giay uy quyen', 'chung thuc chu ky|hop dong uy quyen'],
    ['ky ten', 'chu ky'],
    ['ban dich', 'chu ky nguoi dich'],
    ['dich thuat', 'chu ky nguoi dich'],
    ['tu choi thua ke', 'tu choi nhan di san'],
    ['khong nhan thua ke', 'tu choi nhan di san'],
    ['chia thua ke', 'phan chia di san'],
    ['thua ke', 'di san|thua ke'],
    ['hop dong mua ban', 'giao dich|hop dong'],
  ],
  social_protection: [
    ['nguoi gia', 'cao tuoi|bao tro xa hoi'],
    ['khong co luong huu', 'tro cap xa hoi hang thang'],
    ['khong co nguoi nuoi', 'tro cap xa hoi hang thang'],
    ['tro cap nguoi gia', 'tro cap xa hoi hang thang'],
    ['tan tat', 'khuyet tat'],
    ['khuyet tat', 'khuyet tat'],
    ['ngheo', 'ho ngheo'],
    ['can ngheo', 'ho can ngheo'],
    ['thoat ngheo', 'ho thoat ngheo'],
    ['tien ma chay', 'mai tang'],
    ['an tang', 'mai tang'],
    ['liet si', 'liet sy'],
    ['thuong binh', 'thuong binh'],
    ['chat doc da cam', 'chat doc hoa hoc'],
    ['cuu chien binh', 'nguoi hoat dong khang chien'],
    ['me vnah', 'ba me viet nam anh hung'],
    ['mo coi', 'tre em co hoan canh dac biet|bao tro xa hoi'],
  ],
  insurance_labour: [
    ['sinh con', 'thai san'],
    ['nghi om', 'om dau'],
    ['om dau', 'om dau'],
    ['tien tuat', 'tu tuat'],
    ['luong huu', 'luong huu|huu tri'],
    ['nghi huu', 'luong huu'],
    ['rut bao hiem', 'bao hiem xa hoi mot lan'],
    ['rut bhxh', 'bao hiem xa hoi mot lan'],
    ['tai nan lao dong', 'tai nan lao dong'],
    ['tai nan khi lam', 'tai nan lao dong'],
    ['the bao hiem', 'the bao hiem y te'],
    ['so bao hiem', 'so bao hiem xa hoi'],
    ['mat viec', 'tro cap that nghiep'],
    ['that nghiep', 'tro cap that nghiep'],
    ['linh thay', 'uy quyen linh thay'],
    ['trai tuyen', 'thanh toan truc tiep chi phi kham chua benh'],
  ],
  residence_identity: [
    ['o tro', 'tam tru'],
    ['thue tro', 'tam tru'],
    ['nhap khau', 'dang ky thuong tru'],
    ['chuyen khau', 'dang ky thuong tru'],
    ['ve nha chong', 'dang ky thuong tru'],
    ['ve nha vo', 'dang ky thuong tru'],
    ['ve o chung', 'dang ky thuong tru'],
    ['di lam xa', 'tam vang'],
    ['di lam an xa', 'tam vang'],
    ['di vang', 'tam vang'],
    ['khach o lai', 'luu tru'],
    ['ngu lai', 'luu tru'],
    ['visa', 'thi thuc'],
    ['the xanh', 'the thuong tru'],
    ['di nuoc ngoai', 'ho chieu|xuat canh'],
    ['passport', 'ho chieu'],
    ['lam can cuoc', 'cap the can cuoc'],
    ['tai khoan dinh danh', 'tai khoan dinh danh dien tu'],
    ['bi lo', 'khoa'],
  ],
  transport: [
    ['mua xe', 'dang ky xe|sang ten'],
    ['bien so', 'bien so xe'],
    ['sang ten xe', 'thay doi chu xe'],
    ['xe cu', 'thay doi chu xe'],
    ['taxi', 'phu hieu|kinh doanh van tai'],
    ['xe tai', 'xe o to|van tai hang hoa'],
    ['day lai xe', 'giao vien day thuc hanh lai xe'],
    ['thi bang lai', 'sat hach lai xe'],
  ],
  agriculture_environment: [
    ['dao ao', 'dao ho ao|mat nuoc'],
    ['gieng', 'nuoc duoi dat'],
    ['chat phan rung', 'khai thac rung'],
    ['nuoi ca', 'nuoi trong thuy san'],
    ['nuoi tom', 'nuoi trong thuy san'],
    ['danh ca', 'khai thac thuy san'],
    ['tau ca', 'tau ca|khai thac thuy san'],
    ['heo', 'lon|chan nuoi'],
    ['thuoc tru sau', 'thuoc bao ve thuc vat'],
    ['giong lua', 'giong cay trong'],
  ],
  justice: [
    ['hoa giai', 'hoa giai o co so|hoa giai'],
    ['tranh chap', 'hoa giai|giai quyet tranh chap'],
    ['di kien', 'khoi kien|don khoi kien'],
    ['thua kien', 'thi hanh an'],
    ['doi no theo ban an', 'thi hanh an dan su'],
    ['luat su mien phi', 'tro giup phap ly'],
    ['khieu nai', 'khieu nai'],
    ['to cao', 'to cao'],
    ['boi thuong', 'boi thuong nha nuoc'],
    ['ban an', 'ban an|ho so vu an'],
  ],
  community: [
    ['sung the thao', 'vu khi the thao'],
    ['sung quan dung', 'vu khi quan dung'],
    ['sung san', 'vu khi the thao|vu khi tho so'],
    ['dui cui', 'cong cu ho tro'],
    ['roi dien', 'cong cu ho tro'],
    ['cai nghien', 'cai nghien ma tuy'],
    ['chua chay', 'phong chay chua chay'],
    ['nha tho', 'ton giao|sinh hoat ton giao'],
    ['le hoi', 'le hoi'],
    ['khen thuong', 'giay khen|khen thuong'],
  ],
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
