import type { ThesaurusGroups } from './thesaurus.js';

/**
 * Everyday ↔ administrative bridges (see thesaurus.ts). Land (Land Law 2024: biến động, chuyển nhượng, thừa kế, tặng
 * cho, tách thửa, hợp thửa, biện pháp bảo đảm, cấp đổi, đính chính).
 */
export const LAND_THESAURUS: ThesaurusGroups = {
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
    // Session 8 (task 18h): a transfer made on handwritten papers and never registered (Land Law 2024 art. 140,
    // the catalog's "đã chuyển quyền sử dụng đất trước ngày 01 tháng 8 năm 2024 mà … chưa thực hiện thủ tục"); land
    // used for another purpose beside its own, e.g. farm stays on farmland (art. 218, "sử dụng đất kết hợp đa mục đích").
    ['giay tay', 'da chuyen quyen su dung dat'],
    ['viet tay', 'da chuyen quyen su dung dat'],
    ['homestay', 'su dung dat ket hop da muc dich'],
    ['ket hop lam', 'ket hop da muc dich'],
    ['ket hop du lich', 'ket hop da muc dich'],
  ],
};
